package vn.cccd.reader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a reader package as API, on its {@code package-info.java}; a package without it is internal to the
 * reader modules (no promise to anyone else, may change at any time). Java's {@code public} cannot say this alone:
 * classes are public so that the reader's own packages, and the chip side, can use them across packages and jars.
 * ArchUnit rules hold the users to it (README, "Architecture"): the kiosk uses only packages declared for
 * {@link Audience#APPLICATIONS}, the mock card only packages declared for either audience.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface Api {
    /** Who may build on the package. */
    Audience value() default Audience.APPLICATIONS;

    /** The users of a package. */
    enum Audience {
        /** Applications (the kiosk, integrators, the reader's CLI): reading, verifying, the files and the model. */
        APPLICATIONS,
        /**
         * The chip side only (the mock card builds its chip from the same codecs, secure messaging and protocol
         * math, so reader and chip cannot drift apart); applications read cards through the read API instead.
         */
        CHIP_SIDE
    }
}
