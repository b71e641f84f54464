package miexplorer.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Before each test, the tools its method and class say it {@link Needs}: a missing one skips it with a
 * loud message on the console, or under {@code CI=true} fails it, since a CI machine must run every test.
 */
public final class NeedsExtension implements BeforeEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        List<Tool> tools = new ArrayList<>();
        add(tools, context.getRequiredTestClass());
        add(tools, context.getRequiredTestMethod());
        for (Tool tool : tools) {
            if (!tool.present()) {
                skipOrFail(context.getDisplayName() + " needs " + tool.what() + "; .ci/run installs it");
            }
        }
    }

    private static void add(List<Tool> tools, AnnotatedElement element) {
        AnnotationSupport.findAnnotation(element, Needs.class).ifPresent(n -> tools.addAll(List.of(n.value())));
    }

    /** Skips the test now, with {@code message} on the console; fails it instead under CI=true. */
    static void skipOrFail(String message) {
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        System.err.println("\n*** SKIPPING: " + message + " ***\n");
        assumeTrue(false, message);
    }
}
