/**
 * Byte, hex and text helpers (NFC, comparison without diacritics) and the guard that keeps images off the disk.
 */
@Api
package vn.cccd.reader.util;

import vn.cccd.reader.Api;
