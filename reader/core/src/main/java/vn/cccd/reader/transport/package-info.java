/**
 * The transceive seam ({@link vn.cccd.reader.transport.CardTransport}) and its decorators (deadline, GET
 * RESPONSE, Le correction, tracing); the PC/SC adapter is {@code transport.pcsc} in reader/read.
 */
@Api
package vn.cccd.reader.transport;

import vn.cccd.reader.Api;
