package io.imagegate.spring;

import io.imagegate.ImageGateFilter;
import io.imagegate.config.ConfigException;
import io.imagegate.config.ConfigParser;
import io.imagegate.config.ImageGateSettings;
import io.imagegate.security.UrlSigner;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Registers the imagegate filter in a Spring Boot servlet application, configured by the {@code
 * imagegate.*} properties: the init-param keys of the README under that prefix ({@code
 * imagegate.root}, {@code imagegate.key}, {@code imagegate.rule.originals.path}, {@code
 * imagegate.named.thumb}, {@code imagegate.cache.max-bytes}, ...), with {@code imagegate.endpoint}
 * defaulting to {@code /img}. Also provides the {@link UrlSigner} for pages and controllers, with
 * the filter's key, algorithm and endpoint (context path included). A bad property stops start-up
 * with a message naming it ({@link ImageGatePropertyException}). {@code imagegate.enabled=false}
 * turns it all off.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ImageGateFilter.class)
@ConditionalOnProperty(prefix = "imagegate", name = "enabled", matchIfMissing = true)
public class ImageGateAutoConfiguration {
  /** The property prefix. */
  public static final String PREFIX = "imagegate";

  /** The endpoint when {@code imagegate.endpoint} is not set. */
  public static final String DEFAULT_ENDPOINT = "/img";

  /**
   * Before the application's own filters (Spring Security's included): imagegate makes its own
   * authorization decision for the image paths and passes every other request on untouched.
   */
  public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  /** The settings, read from {@code imagegate.*} by the same parser as the init-params. */
  @Bean
  @ConditionalOnMissingBean
  public ImageGateSettings imageGateSettings(Environment environment) {
    Map<String, String> properties =
        new TreeMap<>(
            configurationBinder(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElseGet(Map::of));
    properties.remove("enabled");
    properties.putIfAbsent("endpoint", DEFAULT_ENDPOINT);
    try {
      return new ConfigParser(System::getenv).parse(properties, null).build();
    } catch (ConfigException e) {
      throw new ImageGatePropertyException(e);
    }
  }

  /** The filter, mapped to {@code <endpoint>/*}. */
  @Bean
  @ConditionalOnMissingBean(name = "imageGateFilter")
  public FilterRegistrationBean<ImageGateFilter> imageGateFilter(ImageGateSettings settings) {
    FilterRegistrationBean<ImageGateFilter> registration =
        new FilterRegistrationBean<>(new ImageGateFilter(settings));
    registration.setName("imagegate");
    registration.addUrlPatterns(urlPattern(settings));
    registration.setOrder(FILTER_ORDER);
    return registration;
  }

  /**
   * Signs URLs as the filter verifies them: its primary key, its first signature algorithm, and its
   * endpoint after the context path ({@code /shop/img}).
   */
  @Bean
  @ConditionalOnMissingBean
  public UrlSigner imageGateUrlSigner(ImageGateSettings settings, ServletContext servletContext) {
    return UrlSigner.builder()
        .urlEndpoint(servletContext.getContextPath() + endpoint(settings))
        .key(settings.keys().primary())
        .algorithm(settings.algorithms().get(0))
        .clock(settings.clock())
        .build();
  }

  /**
   * Binds {@code imagegate.*} from the application's configuration (application.properties and
   * YAML, profiles, {@code --imagegate.x=...} arguments, test properties), not from the process
   * environment or JVM system properties: an unrelated {@code IMAGEGATE_...} variable or {@code
   * -Dimagegate....} switch would otherwise become an unknown key and stop start-up. Placeholders
   * such as {@code ${IMAGES_DIR}} still resolve against everything.
   */
  static Binder configurationBinder(Environment environment) {
    if (!(environment instanceof ConfigurableEnvironment configurable)) {
      return Binder.get(environment);
    }
    List<PropertySource<?>> sources = new ArrayList<>();
    for (PropertySource<?> source : configurable.getPropertySources()) {
      String name = source.getName();
      if (!name.equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)
          && !name.equals(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)
          // Boot's view of all the others, attached under this name: skip it, or it brings them
          // back.
          && !name.equals("configurationProperties")) {
        sources.add(source);
      }
    }
    return new Binder(
        ConfigurationPropertySources.from(sources),
        new PropertySourcesPlaceholdersResolver(configurable));
  }

  private static String endpoint(ImageGateSettings settings) {
    String endpoint = settings.endpoint().orElse(DEFAULT_ENDPOINT);
    return endpoint.equals("/") ? "" : endpoint;
  }

  private static String urlPattern(ImageGateSettings settings) {
    return endpoint(settings) + "/*";
  }
}
