/**
 * Verification of what the chip says: trust anchors (CSCA certificates, ICAO master lists, CRLs) and Passive
 * Authentication of the SOD, its Document Signer chain and the data group hashes.
 */
@Api
package vn.cccd.reader.verify;

import vn.cccd.reader.Api;
