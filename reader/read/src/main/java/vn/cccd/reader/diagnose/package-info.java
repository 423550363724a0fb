/**
 * The card report of {@code cccd-reader diagnose} and the kiosk's staff button: the structure of a card (ATR,
 * EF.CardAccess protocols, which access control worked, block sizes, each APDU's header, status word, lengths and
 * time, each file's TLV skeleton with DG13 field indices) and none of its holder's values, so that a card owner can
 * publish it in a bug report.
 *
 * <p>The privacy rule, enforced in one place ({@link vn.cccd.reader.diagnose.TlvSkeleton}): no value byte of any
 * file reaches the report, except OBJECT IDENTIFIERs, one-byte INTEGERs (versions, field indices, parameter ids) and
 * EF.COM's version numbers and tag list. Text is described by its length and character class ("12 digits", "UTF-8
 * letters and spaces"), a digit string by its shape ("99/99/9999") only when it holds no letter. From the APDUs only
 * the four header bytes, the lengths, the status word and the time are kept (and a plain SELECT's file identifier);
 * never a secure messaging body, challenge, cryptogram, key or MAC.
 */
@Api
package vn.cccd.reader.diagnose;

import vn.cccd.reader.Api;
