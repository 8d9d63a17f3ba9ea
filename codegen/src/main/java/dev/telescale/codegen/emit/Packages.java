package dev.telescale.codegen.emit;

/** The packages generated code lives in. */
public final class Packages {

    public static final String TYPES = "dev.telescale.api.types";
    public static final String METHODS = "dev.telescale.api.methods";
    public static final String BOT = "dev.telescale.bot";
    public static final String API = "dev.telescale.api";
    public static final String JSON = "dev.telescale.api.json";

    private Packages() {
    }
}
