/**
 * Chip Authentication: the reader side ({@code ChipAuthenticator}) and the math the chip side shares
 * ({@code ChipAuthProtocol}).
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.protocol.ca;

import vn.cccd.reader.Api;
