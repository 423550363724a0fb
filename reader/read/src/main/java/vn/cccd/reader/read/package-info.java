/**
 * A whole read of a chip ({@link vn.cccd.reader.read.DocumentReader}): access (PACE, BAC), files by SFI/FID with
 * block sizes that follow the chip, Chip and Active Authentication, Passive Authentication, progress events.
 */
@Api
package vn.cccd.reader.read;

import vn.cccd.reader.Api;
