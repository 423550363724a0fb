/**
 * The Vietnamese DG13 (personal data), its known layouts, and the mapping of DG13/DG1 to the contract's person
 * and document (docs/CARD-LAYOUTS.md).
 */
@Api
package vn.cccd.reader.lds.vn;

import vn.cccd.reader.Api;
