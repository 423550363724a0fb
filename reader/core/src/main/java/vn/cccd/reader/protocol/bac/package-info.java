/**
 * Basic Access Control: the reader side ({@code BacAuthenticator}) and the math the chip side shares
 * ({@code BacProtocol}, {@code BacKeys}).
 */
@Api(Api.Audience.CHIP_SIDE)
package vn.cccd.reader.protocol.bac;

import vn.cccd.reader.Api;
