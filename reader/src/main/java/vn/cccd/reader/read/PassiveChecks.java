package vn.cccd.reader.read;

import java.nio.file.Path;
import java.util.List;
import vn.cccd.reader.verify.PassiveAuthenticator;
import vn.cccd.reader.verify.TrustStore;

/** The standard Passive Authentication for a set of trust directories. */
public final class PassiveChecks {
    private PassiveChecks() {
    }

    public static PassiveCheck forTrustDirs(List<Path> trustDirs) {
        return new PassiveAuthenticator(TrustStore.load(trustDirs));
    }
}
