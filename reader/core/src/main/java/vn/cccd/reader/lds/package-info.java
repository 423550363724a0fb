/**
 * The eMRTD Logical Data Structure files of the CCCD and of foreign travel documents, as immutable values that
 * both parse ({@code static X parse(byte[])}) and build ({@code byte[] encode()}): the mock card builds its
 * files with this same code, so reader and chip cannot drift apart. SOD parsing belongs to the verification
 * package ({@code Sod*}).
 *
 * <h2>Errors</h2>
 * Parsers throw only {@link vn.cccd.reader.error.MalformedDataException}, with a message naming the file and what
 * is wrong. They never return a half-read value silently: unknown elements are either skipped by a documented
 * rule below or reported. TLV parsing is bounded ({@link vn.cccd.reader.tlv.Tlv}: depth, length-field size,
 * lengths that must fit the input). Text is decoded strictly (invalid UTF-8 is an error, not U+FFFD) and
 * normalised to NFC. {@code toString()} of anything holding personal data is redacted.
 *
 * <h2>MRZ check digits</h2>
 * A bad check digit does not stop parsing: the chip's MRZ still has to be shown to the person, and a reader must
 * not hide what the chip says. {@link vn.cccd.reader.lds.Mrz#failedChecks()} names each failing check digit
 * (document number, dates, personal number, composite, and the Vietnamese 12-digit ID number in the TD1 optional
 * data) so callers can flag the document. An unused TD3 personal number gets the filler '&lt;' as its check
 * digit, and '&lt;' is read as 0 there (ICAO 9303-4 allows it; JMRTD writes it for every 0).
 *
 * <h2>DG13 (Vietnamese personal data) and the open questions of cccd-card.md</h2>
 * DG13 is read with a real BER walk ({@link vn.cccd.reader.lds.vn.Dg13Parser}), never by scanning for byte prefixes,
 * so long-form lengths ({@code 30 81 LL} for addresses over 127 bytes) are no special case. Real cards have
 * {@code 6D → 30 → { INTEGER 1, OID 1.0.10646.1.0.8, SET { SEQUENCE { INTEGER index, value... } ... } }}; a field
 * is found inside SEQUENCE or SET containers at any of the nestings the sources show, in any order (a BER SET is
 * not sorted). Each layout fact and its public source is in docs/CARD-LAYOUTS.md.
 * <ul>
 *   <li><b>Q5, the ~15 header bytes</b>: answered (December 2026) by a parser written from a real card's bytes:
 *       version INTEGER 1, OID 1.0.10646.1.0.8 and the SET header. The version and OID are kept in
 *       {@link vn.cccd.reader.lds.vn.Dg13File#header()}; any element before the first field that is neither a field
 *       nor a container of fields is kept there too.</li>
 *   <li><b>Q6, indices 14, 15, 16</b>: 14 is read as the spouse, nested ({@code SEQUENCE{UTF8String}}), plain or
 *       empty ({@code 30 03 02 01 0E} gives null). 15 and 16 are kept raw and classified by content: 9 digits is
 *       the old CMND ({@code oldIdNumber()}, 15 first), 12 digits a previous ID number ({@code previousIdNumber()}),
 *       anything else, such as the 16-character value of field 16, stays raw in {@code unclassifiedIdFields()}.
 *       Because their meaning is uncertain, a field 14-16 with an unexpected shape is kept raw in
 *       {@code otherFields()} rather than failing the read, and so is any index outside 1..16; fields 1-13, whose
 *       layout is documented, are strict: a non-text value or a repeated index is malformed data, because reading
 *       it anyway could show a wrong value (the read then goes on without DG13 and says so).</li>
 *   <li><b>Field 13</b>: both published shapes, {@code SEQ{INT 13, SEQ{father}, SEQ{mother}}} and
 *       {@code SEQ{INT 13, SEQ{father, mother}}}.</li>
 *   <li><b>Q7, no expiry</b>: field 12 is a UTF8String; a {@code dd/MM/yyyy} date gives
 *       {@code expiryDate()}, a text about "thời hạn" ("Không thời hạn", "Vô thời hạn") gives a null date and
 *       {@code hasNoExpiry()}, other text gives a null date with the raw text kept. The builder writes
 *       "Không thời hạn" for a card without expiry; in the MRZ, Vietnam's marker 991231 maps to no expiry.</li>
 *   <li>Dates that are not full {@code dd/MM/yyyy} (for instance a birth year only) are kept as text and give a
 *       null date: unknown values are null, never guessed.</li>
 * </ul>
 * The builder writes the real layout by default ({@link vn.cccd.reader.lds.vn.Dg13Layout#REAL}): ID number, dates of
 * birth and issue and fields 15/16 as PrintableString, the rest UTF8String, parents as two nested SEQUENCEs,
 * absent fields as the empty form {@code 30 03 02 01 idx} seen for index 14. The other layouts (fields in a
 * SEQUENCE, in another order, parents together, fields directly under {@code 6D}, and this project's old synthetic
 * layout) are options of {@link vn.cccd.reader.lds.vn.Dg13Layout}, so each is a round-trip test of the parser.
 *
 * <h2>DG2 and image decoding</h2>
 * {@link vn.cccd.reader.lds.Dg2File} reads the CBEFF templates with a header-only BER reader (a data block may be
 * primitive {@code 5F2E} or constructed {@code 7F2E} without its bytes having to be TLV) and the ISO/IEC 19794-5
 * record with checked lengths. The image type comes from the bytes (JPEG {@code FF D8}; JP2 signature box or raw
 * codestream {@code FF 4F FF 51}), the size from the 19794-5 header; parsing never decodes pixels. Decoding is
 * {@link vn.cccd.reader.lds.image.FaceImageDecoder}'s job: it reads the size, tile count and components from the JPEG
 * frame header or the JPEG 2000 SIZ marker itself and refuses anything over the caps before the third-party
 * decoder sees the bytes (a 32 × 32 codestream patched to claim 60000 × 60000 pixels in 3.5 million tiles kept
 * that decoder busy for more than 5 s before this check existed), then decodes on a two-thread pool with a
 * timeout; a busy pool fails at once rather than queueing behind a runaway decode.
 *
 * <h2>Security infos and public keys (DG14, EF.CardAccess, DG15)</h2>
 * {@link vn.cccd.reader.lds.SecurityInfos} classifies each SecurityInfo by its protocol OID: PACEInfo and
 * PACEDomainParameterInfo (id-PACE with two or one more arcs), ChipAuthenticationInfo (id-CA.x.y),
 * ChipAuthenticationPublicKeyInfo (id-PK-DH, id-PK-ECDH), TerminalAuthenticationInfo, ActiveAuthenticationInfo;
 * any other OID is kept raw. A known OID with the wrong structure is malformed data, not silently skipped: DG14 is
 * signed, so a broken entry is worth reporting. Encoding writes DER (SET elements sorted), which re-creates real
 * DER files byte for byte. {@link vn.cccd.reader.lds.PublicKeys} decodes SubjectPublicKeyInfo to Java keys (RSA;
 * EC with named or explicit prime-field parameters; DH with X9.42 or PKCS #3 parameters; the TR-03110 id-PK forms)
 * after checking sizes, so that a hostile key cannot make validation arithmetic run for minutes; binary-field
 * curves are refused. JMRTD 0.8.6 cannot read X9.42 DH keys (its own included), which is why the differential
 * test leaves those out in that direction.
 *
 * <h2>From files to the contract</h2>
 * {@link vn.cccd.reader.lds.vn.PersonMapper} turns DG13 (+DG1) of a CCCD, or DG1 (+DG11, DG12) of any other
 * document, into {@link vn.cccd.reader.model.Person} and {@link vn.cccd.reader.model.DocumentInfo}.
 * {@link vn.cccd.reader.lds.LdsFile} names every file with its FID, SFI and tag.
 */
@Api
package vn.cccd.reader.lds;

import vn.cccd.reader.Api;

