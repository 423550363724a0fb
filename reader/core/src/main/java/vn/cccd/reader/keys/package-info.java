/**
 * Access keys (MRZ, CAN) and the CCCD's rules for deriving the MRZ key from the ID number and dates, expiry
 * rules included.
 */
@Api
package vn.cccd.reader.keys;

import vn.cccd.reader.Api;
