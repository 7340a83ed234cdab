package io.mqttreactive.netty.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class or method that needs the {@code mosquitto} executable. Without it the tests are
 * reported as skipped, with the reason printed and recorded in the test report; with the environment
 * variable {@value MosquittoInstallation#REQUIRE_ENV}{@code =true} they fail instead (CI sets it).
 * Evaluated before {@code @BeforeAll}, so a class can start its broker there unconditionally.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(RequiresMosquitto.Condition.class)
public @interface RequiresMosquitto {

    /** The condition behind {@link RequiresMosquitto}. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            var executable = MosquittoInstallation.executable();
            if (executable.isPresent()) {
                return ConditionEvaluationResult.enabled("mosquitto found at " + executable.get());
            }
            if (MosquittoInstallation.required()) {
                throw new IllegalStateException(MosquittoInstallation.missingMessage());
            }
            String reason = MosquittoInstallation.missingMessage();
            System.err.println("[mosquitto] SKIPPED " + context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
