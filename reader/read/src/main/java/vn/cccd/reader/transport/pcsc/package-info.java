/**
 * The PC/SC adapter, the only user of {@code javax.smartcardio}: readers, card presence, the transport over a
 * PC/SC card, and the SunPCSC workarounds.
 */
@Api
package vn.cccd.reader.transport.pcsc;

import vn.cccd.reader.Api;
