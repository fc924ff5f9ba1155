package io.crystallize.server.access;

import java.util.UUID;

/**
 * The authenticated user of the current request.
 *
 * @param id    the user's id
 * @param name  the user's name
 * @param admin whether the user is an admin (sees and may change everything)
 */
public record Caller(UUID id, String name, boolean admin) {
}
