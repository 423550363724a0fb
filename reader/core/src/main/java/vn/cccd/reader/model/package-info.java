/**
 * The contract's JSON model (the read result, the person, the document, the checks and verdicts), as immutable
 * values, and its JSON mapping.
 */
@Api
package vn.cccd.reader.model;

import vn.cccd.reader.Api;
