package vn.cccd.reader.read;

import java.util.Map;
import vn.cccd.reader.model.PassiveAuthentication;

/** Passive Authentication of what was read: the SOD (null when absent) against the files, by contract name. */
@FunctionalInterface
public interface PassiveCheck {
    PassiveAuthentication check(byte[] sod, Map<String, byte[]> files);
}
