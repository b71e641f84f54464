package miexplorer.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a test needs from the machine beyond the JVM: a browser, axe-core, Debian's Python with some
 * modules. Where one is missing the test is skipped with a loud message, except under {@code CI=true}
 * ({@code .ci/run} installs them all), where it fails: {@link NeedsExtension}. On a class it holds for
 * every test of the class and of its subclasses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Inherited
@ExtendWith(NeedsExtension.class)
public @interface Needs {
    Tool[] value();
}
