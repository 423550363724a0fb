/**
 * The raw files of one document, as read from the chip or saved with {@code --save}, and the saved directory's
 * form ({@code NAME.bin} per file).
 */
@Api
package vn.cccd.reader.document;

import vn.cccd.reader.Api;
