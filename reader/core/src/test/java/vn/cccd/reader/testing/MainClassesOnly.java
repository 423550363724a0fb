package vn.cccd.reader.testing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Imports main classes only, also when Maven puts a module's test classes on the class path as its packaged
 * {@code -tests.jar}: ArchUnit's {@code DO_NOT_INCLUDE_TESTS} knows only {@code target/test-classes} directories,
 * which is what {@code mvn test} gives, while {@code mvn verify} resolves the reactor's test jars instead and the
 * architecture rules then judged test fixtures (PassiveAuthenticatorTest building an SOD) as if they were the reader.
 */
public final class MainClassesOnly implements ImportOption {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar!/.*");

    @Override
    public boolean includes(Location location) {
        return Predefined.DO_NOT_INCLUDE_TESTS.includes(location) && !location.matches(TEST_JAR);
    }
}
