package io.lgc;

/**
 * Bad input from the user: a malformed file, a missing dataset, an invalid option value.
 * The command line turns it into one line on stderr and exit code 2; the message must name
 * the file (or the parameter: see {@link ParameterException}) and say what is wrong with it.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
