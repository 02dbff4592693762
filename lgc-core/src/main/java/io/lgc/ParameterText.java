package io.lgc;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Words that name parameters by reference, so that each reader gets them under its own names: a
 * Java caller reads {@link Parameter#javaName()} ({@link #toString()}), the command line its flags
 * ({@link #render}).
 */
public final class ParameterText implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Each a String, or a Parameter to be named when rendered. */
    private final List<Object> parts;

    private ParameterText(List<Object> parts) {
        this.parts = List.copyOf(parts);
    }

    /**
     * The text of {@code parts} in order: a {@link Parameter} is named when rendered, another
     * ParameterText is spliced in, anything else is written as {@link String#valueOf(Object)} would
     * (as string concatenation writes it).
     */
    public static ParameterText of(Object... parts) {
        List<Object> flat = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof ParameterText text) {
                flat.addAll(text.parts);
            } else if (part instanceof Parameter) {
                flat.add(part);
            } else {
                flat.add(String.valueOf(part));
            }
        }
        return new ParameterText(flat);
    }

    /** The text with each parameter under the name {@code names} gives it. */
    public String render(Function<Parameter, String> names) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part instanceof Parameter p ? Objects.requireNonNull(names.apply(p), p.name()) : part);
        }
        return text.toString();
    }

    /** The parameters named, in order of first mention. */
    public List<Parameter> parameters() {
        return parts.stream().filter(Parameter.class::isInstance).map(Parameter.class::cast).distinct().toList();
    }

    /** The text as a Java caller reads it: each parameter under its {@link Parameter#javaName()}. */
    @Override
    public String toString() {
        return render(Parameter::javaName);
    }
}
