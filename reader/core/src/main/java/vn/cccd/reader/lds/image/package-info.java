/**
 * Portraits: image headers read without decoding, bounded decoding, in-memory JPEG encoding (never on disk).
 */
@Api
package vn.cccd.reader.lds.image;

import vn.cccd.reader.Api;
