package vn.cccd.reader.keys;

/** A secret that opens the chip: the MRZ data (BAC, PACE-MRZ) or the card access number (PACE-CAN). */
public sealed interface AccessKey permits MrzKey, CanKey {
}
