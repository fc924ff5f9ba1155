package io.crystallize.server.engine;

/** How a unit ended. SKIPPED: its replicate's baseline failed (SPEC §5). */
public enum UnitStatus { COMPLETED, FAILED, SKIPPED }
