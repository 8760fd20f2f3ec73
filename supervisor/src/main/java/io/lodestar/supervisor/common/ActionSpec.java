package io.lodestar.supervisor.common;

import io.lodestar.protocol.v1.RuntimeAction;

/** A runtime action as written in the path: {@code start}, {@code stop}, {@code restart} or {@code reconfigure:{config_id}}. */
public record ActionSpec(Kind kind, Long configId) {

    public enum Kind {
        START(RuntimeAction.Action.ACTION_START),
        STOP(RuntimeAction.Action.ACTION_STOP),
        RESTART(RuntimeAction.Action.ACTION_RESTART),
        RECONFIGURE(RuntimeAction.Action.ACTION_RECONFIGURE);

        private final RuntimeAction.Action proto;

        Kind(RuntimeAction.Action proto) {
            this.proto = proto;
        }

        public RuntimeAction.Action proto() {
            return proto;
        }
    }

    private static final String ACTIONS = "start, stop, restart or reconfigure:{config_id}";
    private static final String RECONFIGURE = "reconfigure:";

    /** Start, stop or restart: the actions that need no config. */
    public static ActionSpec of(Kind kind) {
        if (kind == Kind.RECONFIGURE) {
            throw new IllegalArgumentException("A reconfigure names its config: parse reconfigure:{config_id}.");
        }
        return new ActionSpec(kind, null);
    }

    public static ActionSpec parse(String value) {
        switch (value) {
            case "start":
                return new ActionSpec(Kind.START, null);
            case "stop":
                return new ActionSpec(Kind.STOP, null);
            case "restart":
                return new ActionSpec(Kind.RESTART, null);
            default:
                break;
        }
        if (value.startsWith(RECONFIGURE)) {
            String id = value.substring(RECONFIGURE.length());
            if (!id.matches("[0-9]{1,18}")) {
                throw new DomainException.Invalid("'" + value + "' is not a valid reconfigure action; write reconfigure:{config_id}"
                        + " with the numeric id of a runtime configuration.");
            }
            return new ActionSpec(Kind.RECONFIGURE, Long.parseLong(id));
        }
        if (value.equals("reconfigure")) {
            throw new DomainException.Invalid("reconfigure needs a config id: reconfigure:{config_id}.");
        }
        throw new DomainException.Invalid("Unknown action '" + value + "'; use one of: " + ACTIONS + ".");
    }

    /** The action as the API shows it: {@code restart}, or {@code reconfigure:42}. */
    public String wireName() {
        return kind == Kind.RECONFIGURE ? RECONFIGURE + configId : kind.name().toLowerCase();
    }
}
