package io.lgc;

import java.util.List;
import java.util.function.Function;

/**
 * Bad input whose message names parameters of the library: an invalid value, or advice on which
 * parameter to set. {@link #getMessage()} names them as a Java caller set them
 * ("latentDim must be in 1..4096, got 5000"); a front end that knows them by other names renders
 * the same message with {@link #message(Function)}.
 */
public class ParameterException extends InputException {
    private final ParameterText text;

    /** The message of {@code parts}, as {@link ParameterText#of} reads them. */
    public ParameterException(Object... parts) {
        this(ParameterText.of(parts));
    }

    private ParameterException(ParameterText text) {
        super(text.toString());
        this.text = text;
    }

    /** The message with each parameter under the name {@code names} gives it. */
    public String message(Function<Parameter, String> names) {
        return text.render(names);
    }

    /** The parameters the message names, in order of first mention. */
    public List<Parameter> parameters() {
        return text.parameters();
    }
}
