package io.crystallize.server.access.internal;

import io.crystallize.server.access.WorkspaceAccess;
import io.crystallize.server.access.WorkspaceLookup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registers the workspace check on every handler, and the workspace member endpoints' own anchor. A bean
 * method, not a {@code WebMvcConfigurer} component, so {@code @WebMvcTest} slices do not pull in the database.
 */
@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration {

    @Bean
    WebMvcConfigurer workspaceScope(List<WorkspaceLookup> lookups, WorkspaceAccess access) {
        WorkspaceScopeInterceptor interceptor = new WorkspaceScopeInterceptor(lookups, access);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    WorkspaceLookup workspaces(WorkspaceRepository workspaces) {
        return new WorkspaceLookup() {
            @Override
            public String resource() {
                return "workspace";
            }

            @Override
            public List<String> anchors() {
                return List.of("/api/workspaces/{id}");
            }

            @Override
            public Optional<UUID> workspaceOf(UUID id) {
                return workspaces.existsById(id) ? Optional.of(id) : Optional.empty();
            }
        };
    }
}
