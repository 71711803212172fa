package io.imagegate;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of filter-core's compiled classes (target/classes, not the tests): no package depends
 * on itself through others; a public top-level type is the product's API, one of a short reasoned
 * list of internal types, or a type of an internal package used only by that package's declared
 * clients; and no type is public that no other package of ours uses.
 */
class ArchitectureTest {

  /**
   * The product's API: what an application, the Spring Boot starter and the demo use, and the types
   * those signatures expose.
   */
  static final Set<String> API =
      Set.of(
          "io.imagegate.ImageGateFilter",
          "io.imagegate.ImageGate",
          "io.imagegate.CachedAnswer", // ImageGate.cachedAnswer, for the demo's Jetty
          "io.imagegate.config.ImageGateSettings",
          "io.imagegate.config.ImageGateSettingsBuilder", // ImageGateSettings.builder()
          "io.imagegate.config.ConfigParser",
          "io.imagegate.config.ConfigException",
          "io.imagegate.security.UrlSigner",
          "io.imagegate.keys.KeyRing",
          "io.imagegate.metrics.StatsSnapshot",
          "io.imagegate.metrics.ImageGateStatsMXBean",
          "io.imagegate.metrics.ImageGateMetrics",
          "io.imagegate.failure.Failure",
          "io.imagegate.failure.ImageGateException",
          "io.imagegate.explain.Explanation",
          "io.imagegate.source.ImageFormat",
          // what ImageGateSettings and its builder take and return
          "io.imagegate.config.KeySource",
          "io.imagegate.config.PathRule",
          "io.imagegate.config.UnsignedTransformations",
          "io.imagegate.keys.SigningKey",
          "io.imagegate.keys.SignatureAlgorithm",
          "io.imagegate.keys.KeyScope",
          "io.imagegate.limits.Limits");

  /**
   * Packages that are internal as a whole, with the only packages of ours that may use their public
   * types: those types are public just so that these clients can call them (Java has no "public to
   * this library" short of JPMS). API types living there (UrlSigner, ImageFormat) are in API.
   */
  static final Map<String, Set<String>> INTERNAL_PACKAGES =
      Map.ofEntries(
          // the request flow in io.imagegate (ImageGate, Variants, Originals) is the composition
          // root
          internal("request", "", "security"), // parsed before authorization, reread by security
          internal("security", ""), // the one authorization decision
          internal("source", "", "cache", "security"), // root-confined resolution
          internal("cache", "", "metrics"), // the variant cache; metrics reads its counters
          internal("admission", ""), // render permits
          internal("response", "", "security"), // security sets Cache-Control on grants
          internal("transform", "", "config", "security", "transform.pipeline", "transform.render"),
          internal(
              "transform.model",
              "transform",
              "security",
              "transform.geometry",
              "transform.pipeline",
              "transform.render"),
          internal("transform.geometry", "transform.pipeline", "transform.render"),
          // codec hands a decoded buffer to ops as PackedRows; render resamples it on load
          internal("transform.ops", "transform.codec", "transform.pipeline", "transform.render"),
          internal("transform.codec", "", "transform.render"),
          internal("transform.pipeline", "", "transform.render"),
          internal("transform.render", "", "cache")); // the cache keeps its Variant

  private static Map.Entry<String, Set<String>> internal(String pkg, String... clients) {
    Set<String> names = new TreeSet<>();
    for (String client : clients) {
      names.add(client.isEmpty() ? "io.imagegate" : "io.imagegate." + client);
    }
    return Map.entry("io.imagegate." + pkg, names);
  }

  /**
   * Public types in the API's own packages that are not API: public only because another package of
   * ours uses them; each with the reason. Keep this short.
   */
  static final Map<String, String> INTERNAL =
      Map.of(
          "io.imagegate.config.FileWatch", "ReloadingGate watches the configuration files with it",
          "io.imagegate.keys.PathGlob", "config builds key scopes from it, security matches them",
          "io.imagegate.metrics.Stats", "ImageGate and Variants count requests into it",
          "io.imagegate.metrics.ImageGateStats", "ImageGateFilter registers it as the MXBean");

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() throws URISyntaxException {
    Path main =
        Path.of(ImageGateFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    classes = new ClassFileImporter().importPath(main);
    assertThat(classes.size()).as("classes imported from %s", main).isGreaterThan(100);
  }

  @Test
  void noPackageCycles() {
    SliceAssignment byPackage =
        new SliceAssignment() {
          @Override
          public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return javaClass.getPackageName().startsWith("io.imagegate")
                ? SliceIdentifier.of(javaClass.getPackageName())
                : SliceIdentifier.ignore();
          }

          @Override
          public String getDescription() {
            return "io.imagegate packages";
          }
        };
    slices().assignedFrom(byPackage).should().beFreeOfCycles().check(classes);
  }

  @Test
  void publicTopLevelTypes_areTheApiOrListedInternals() {
    Map<String, Set<String>> unexpected = new TreeMap<>();
    for (JavaClass c : classes) {
      if (isPublicTopLevel(c)
          && !API.contains(c.getName())
          && !INTERNAL.containsKey(c.getName())
          && !INTERNAL_PACKAGES.containsKey(c.getPackageName())) {
        unexpected.put(c.getName(), usersOutsidePackage(c));
      }
    }
    assertThat(unexpected)
        .as(
            "public types outside the API (value: packages of ours that use them): make them"
                + " package-private, or list them in INTERNAL with a reason")
        .isEmpty();
  }

  @Test
  void internalPackages_areUsedOnlyByTheirDeclaredClients() {
    Map<String, Set<String>> strangers = new TreeMap<>();
    for (JavaClass c : classes) {
      Set<String> clients = INTERNAL_PACKAGES.get(c.getPackageName());
      if (clients != null && isPublicTopLevel(c) && !API.contains(c.getName())) {
        Set<String> users = usersOutsidePackage(c);
        users.removeAll(clients);
        if (!users.isEmpty()) {
          strangers.put(c.getName(), users);
        }
      }
    }
    assertThat(strangers)
        .as("internal types used by packages not declared as their clients")
        .isEmpty();
  }

  @Test
  void internalPublicTypes_areUsedFromAnotherPackage() {
    Set<String> needlesslyPublic = new TreeSet<>();
    for (JavaClass c : classes) {
      if (isPublicTopLevel(c) && !API.contains(c.getName()) && usersOutsidePackage(c).isEmpty()) {
        needlesslyPublic.add(c.getName());
      }
    }
    assertThat(needlesslyPublic)
        .as("public, not API, and used by no other package of ours: make them package-private")
        .isEmpty();
  }

  @Test
  void everyPackageSaysWhetherItIsInternal_inItsPackageInfo() throws java.io.IOException {
    Set<String> packages =
        classes.stream()
            .map(JavaClass::getPackageName)
            .filter(name -> name.startsWith("io.imagegate"))
            .collect(Collectors.toCollection(TreeSet::new));
    Map<String, String> wrong = new TreeMap<>();
    for (String pkg : packages) {
      Path info = Path.of("src/main/java", pkg.replace('.', '/'), "package-info.java");
      if (!java.nio.file.Files.exists(info)) {
        wrong.put(pkg, "no package-info.java");
        continue;
      }
      boolean saysInternal =
          java.nio.file.Files.readString(info).contains("Internal to imagegate.");
      if (saysInternal != INTERNAL_PACKAGES.containsKey(pkg)) {
        wrong.put(
            pkg, saysInternal ? "says internal but is not declared so" : "internal, not said");
      }
    }
    assertThat(wrong)
        .as(
            "package-info of every package: \"Internal to imagegate.\" exactly for INTERNAL_PACKAGES")
        .isEmpty();
  }

  @Test
  void theDeclaredListsNameExistingPublicTypes() {
    Set<String> declared = new TreeSet<>(API);
    declared.addAll(INTERNAL.keySet());
    Set<String> packages =
        classes.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());
    assertThat(packages).as("internal packages that exist").containsAll(INTERNAL_PACKAGES.keySet());
    Set<String> stale =
        declared.stream()
            .filter(name -> !classes.contain(name) || !isPublicTopLevel(classes.get(name)))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(stale).as("listed but missing or no longer public").isEmpty();
  }

  private static boolean isPublicTopLevel(JavaClass c) {
    return c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC);
  }

  private static Set<String> usersOutsidePackage(JavaClass type) {
    DescribedPredicate<Dependency> fromElsewhere =
        DescribedPredicate.describe(
            "from another package",
            d -> !d.getOriginClass().getPackageName().equals(type.getPackageName()));
    return type.getDirectDependenciesToSelf().stream()
        .filter(fromElsewhere)
        .map(d -> d.getOriginClass().getPackageName())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
