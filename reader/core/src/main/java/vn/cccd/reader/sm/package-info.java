/**
 * ICAO 9303-11 secure messaging: wrapping and unwrapping APDUs (DO'85'/DO'87' cryptogram, DO'97' Le, DO'99'
 * status, DO'8E' MAC) under 3DES or AES session keys, for both ends of the link (the reader and the mock chip
 * share one codec, so their encodings cannot drift apart), and the transport decorator the reader uses.
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.sm;

import vn.cccd.reader.Api;
