/**
 * The {@code cccd-reader} command line (picocli). Internal: its contract is the commands and their output
 * (CONTRACT.md), not these classes.
 */
package vn.cccd.reader.cli;
