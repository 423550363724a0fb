/**
 * PACE (ICAO 9303-11 §4.4) with Generic Mapping over the standardized elliptic curves and DH groups, 3DES and AES
 * (128/192/256): the suite named by a PACEInfo OID, the group arithmetic, and both ends of the protocol (the
 * reader's {@link vn.cccd.reader.protocol.pace.PaceAuthenticator}; the mock chip builds on {@link
 * vn.cccd.reader.protocol.pace.PaceSuite} and {@link vn.cccd.reader.protocol.pace.PaceGroup} too).
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.protocol.pace;

import vn.cccd.reader.Api;
