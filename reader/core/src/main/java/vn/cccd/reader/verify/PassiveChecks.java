package vn.cccd.reader.verify;

import java.nio.file.Path;
import java.util.List;

/** The standard Passive Authentication for a set of trust directories. */
public final class PassiveChecks {
    private PassiveChecks() {
    }

    public static PassiveCheck forTrustDirs(List<Path> trustDirs) {
        return new PassiveAuthenticator(TrustStore.load(trustDirs));
    }
}
