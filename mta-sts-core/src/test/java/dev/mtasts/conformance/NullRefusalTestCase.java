package dev.mtasts.conformance;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The tests every module runs on its {@link NullRefusalCheck}: a module's {@code NullRefusalTest} extends this and
 * says, in {@link #check()}, which packages, samples and receivers its check uses.
 */
public abstract class NullRefusalTestCase {

    /** For subclasses. */
    protected NullRefusalTestCase() {
    }

    /** @return the check of this module's packages */
    protected abstract NullRefusalCheck check();

    @TestFactory
    Stream<DynamicTest> everyReferenceParameterRefusesNullByName() {
        return check().tests();
    }

    @Test
    void everyPublicTypeOfEveryPackageIsCovered() {
        check().assertEveryTypeCovered();
    }

    @Test
    void eachPinnedMethodStillAnswersNullOtherwise() {
        check().assertPinnedStillAnswerNullOtherwise();
    }

    @Test
    void parameterNamesComeFromTheClassFiles() {
        check().assertParameterNamesReadable();
    }
}
