package io.crystallize.server.access.internal;

import io.crystallize.server.access.AccessProperties;
import io.crystallize.server.access.Caller;
import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Single sign-on: a JWT the decoder accepted (signature, issuer, expiry) becomes a user of ours, created on first
 * use with the configured claim as its name and a personal workspace. The user is found again by issuer and
 * claim, so a JWT cannot take over a local user (the bootstrap {@code admin}) that bears the same name.
 */
class JwtUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserRepository users;
    private final Accounts accounts;
    private final AccessProperties props;

    JwtUsers(UserRepository users, Accounts accounts, AccessProperties props) {
        this.users = users;
        this.accounts = accounts;
        this.props = props;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String claim = props.jwt().userClaim();
        String name = jwt.getClaimAsString(claim);
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new InvalidBearerTokenException("the token has no usable '" + claim + "' claim");
        }
        String externalId = (jwt.getIssuer() == null ? "" : jwt.getIssuer().toString()) + "#" + name;
        AppUser user = users.findByExternalId(externalId).orElseGet(() -> create(name, externalId));
        return new CallerAuthentication(new Caller(user.getId(), user.getName(), user.isAdmin()));
    }

    private AppUser create(String name, String externalId) {
        if (users.existsByName(name)) {
            throw new InvalidBearerTokenException("the user name '" + name + "' is taken by another account");
        }
        try {
            return accounts.createUser(name, AppUser.Role.USER, externalId);
        } catch (DataIntegrityViolationException concurrentFirstUse) {
            return users.findByExternalId(externalId).orElseThrow(() -> concurrentFirstUse);
        }
    }
}
