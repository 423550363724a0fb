/**
 * BER-TLV encoding and decoding, with the one BER length decoder.
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.tlv;

import vn.cccd.reader.Api;
