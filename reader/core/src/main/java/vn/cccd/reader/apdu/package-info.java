/**
 * ISO 7816-4 commands and responses, status words and the eMRTD command vocabulary (INS, P1/P2, the
 * application ID), shared by the reader and the chip side.
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.apdu;

import vn.cccd.reader.Api;
