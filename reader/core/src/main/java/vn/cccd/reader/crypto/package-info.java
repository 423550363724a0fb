/**
 * Symmetric primitives of ICAO 9303 Part 11: the key derivation function, 3DES with DES parity, ISO/IEC 9797-1
 * padding and MAC algorithm 3 (retail MAC), AES and AES-CMAC. Stateless; keys are byte arrays the caller wipes.
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.crypto;

import vn.cccd.reader.Api;
