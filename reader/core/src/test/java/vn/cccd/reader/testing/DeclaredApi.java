package vn.cccd.reader.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import vn.cccd.reader.Api;

/**
 * The reader's declared API ({@link Api} on a package's {@code package-info}) as ArchUnit predicates, for the
 * ArchitectureTests of the reader's users (kiosk, mock-card) and of the reader itself.
 */
public final class DeclaredApi {
    private DeclaredApi() {
    }

    /** The audience a reader package declares, empty for an internal package (no {@link Api}). */
    public static Optional<Api.Audience> audience(String packageName) {
        try {
            Class<?> info = Class.forName(packageName + ".package-info", false, DeclaredApi.class.getClassLoader());
            return Optional.ofNullable(info.getAnnotation(Api.class)).map(Api::value);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Classes of a reader package that is not declared for any of {@code audiences}: what a user must not use. */
    public static DescribedPredicate<JavaClass> readerClassesNotDeclaredFor(Api.Audience first, Api.Audience... more) {
        Set<Api.Audience> allowed = EnumSet.of(first, more);
        return new DescribedPredicate<>("reader classes outside the API declared for " + allowed) {
            @Override
            public boolean test(JavaClass c) {
                String pkg = c.getPackageName();
                return pkg.startsWith("vn.cccd.reader.") && audience(pkg).filter(allowed::contains).isEmpty();
            }
        };
    }
}
