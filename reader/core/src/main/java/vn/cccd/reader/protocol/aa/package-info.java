/**
 * Active Authentication, the reader side. Internal: the read runs it and reports its verdict in the read result.
 */
package vn.cccd.reader.protocol.aa;
