/**
 * Typed errors: every failure a card, a reader or a file can cause is a {@link vn.cccd.reader.error.ReaderException}
 * with its contract exit code.
 */
@Api
package vn.cccd.reader.error;

import vn.cccd.reader.Api;
