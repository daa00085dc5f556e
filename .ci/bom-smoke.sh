#!/usr/bin/env bash
# Checks mta-sts-bom as a user meets it: a throw-away Maven project imports the BOM from the local repository,
# names mta-sts-core, mta-sts-dns and mta-sts-http without versions, compiles and runs a class that calls
# MtaStsValidator.builder(), offline (-o). It must get the project's version of each, and the two default
# providers must be found.
# Also checks the BOM itself: no parent (so it leaks none of the parent's pins), only dev.mtasts artifacts, every
# version equal to the root pom's, and exactly the published modules (those that are installed).
# Needs the modules installed first (./mvnw -B -q install -DskipTests).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"   # MAVEN_REPO: another local repository, for experiments
repo_opt=()
if [ -n "${MAVEN_REPO:-}" ]; then
  repo_opt=(-Dmaven.repo.local="$MAVEN_REPO")
fi
fail() { echo "bom-smoke: $*" >&2; exit 1; }

# the first <version> of the root pom is the project's own (it has no parent)
version="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' pom.xml)"
bom=mta-sts-bom/pom.xml

# --- the BOM's own pom ---------------------------------------------------------------------------------------
grep -qE '^[[:space:]]*<parent>' "$bom" && fail "$bom has a <parent>: importing it would hand the parent's dependencyManagement to users"
bom_version="$(sed -n '0,/<version>/s:.*<version>\(.*\)</version>.*:\1:p' "$bom")"
[ "$bom_version" = "$version" ] || fail "$bom has version $bom_version, the root pom $version"
managed="$(sed -n '/<dependencyManagement>/,/<\/dependencyManagement>/p' "$bom")"
if echo "$managed" | grep '<groupId>' | grep -qv '<groupId>dev.mtasts</groupId>'; then
  fail "$bom manages an artifact outside dev.mtasts; a BOM of ours must not pin third-party versions"
fi
if echo "$managed" | grep '<version>' | grep -qvF "<version>$version</version>"; then
  fail "$bom has an entry whose version is not $version"
fi
listed="$(echo "$managed" | sed -n 's:.*<artifactId>\(.*\)</artifactId>.*:\1:p' | sort)"

# the published modules: every reactor module with a jar that is installed (not maven.install.skip), but the BOM
published=""
for module in $(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' pom.xml); do
  pom="$module/pom.xml"
  [ "$module" = mta-sts-bom ] && continue
  grep -q '<packaging>pom</packaging>' "$pom" && continue
  grep -q '<maven.install.skip>true</maven.install.skip>' "$pom" && continue
  artifact="$(sed -n '/<\/parent>/,$s:^  <artifactId>\(.*\)</artifactId>.*:\1:p' "$pom" | head -n 1)"
  published="$published$artifact"$'\n'
done
published="$(printf '%s' "$published" | sort)"
if [ "$listed" != "$published" ]; then
  echo "bom-smoke: the BOM lists:" >&2; echo "$listed" >&2
  echo "bom-smoke: the published modules are:" >&2; echo "$published" >&2
  fail "add (or remove) the difference in $bom"
fi

installed="$repo/dev/mtasts/mta-sts-bom/$version/mta-sts-bom-$version.pom"
[ -f "$installed" ] || fail "$installed not found; install first: ./mvnw -B -q install -DskipTests"
cmp -s "$installed" "$bom" || fail "the installed BOM differs from $bom; install again: ./mvnw -B -q install -DskipTests"

# --- a user's project ----------------------------------------------------------------------------------------
# the plugins it needs, at the versions the build itself uses (already in the local repository for -o)
plugin_version() { sed -n "/<artifactId>$1<\/artifactId>/{n;s:.*<version>\(.*\)</version>.*:\1:p;}" pom.xml | head -n 1; }
for plugin in maven-resources-plugin maven-compiler-plugin maven-surefire-plugin maven-jar-plugin; do
  [ -n "$(plugin_version "$plugin")" ] || fail "no version of $plugin in the root pom's pluginManagement"
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/app"
cat > "$work/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>bom-user</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <maven.test.skip>true</maven.test.skip>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>dev.mtasts</groupId>
        <artifactId>mta-sts-bom</artifactId>
        <version>$version</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>dev.mtasts</groupId><artifactId>mta-sts-core</artifactId></dependency>
    <dependency><groupId>dev.mtasts</groupId><artifactId>mta-sts-dns</artifactId></dependency>
    <dependency><groupId>dev.mtasts</groupId><artifactId>mta-sts-http</artifactId></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId>
        <version>$(plugin_version maven-resources-plugin)</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId>
        <version>$(plugin_version maven-compiler-plugin)</version>
      </plugin>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId>
        <version>$(plugin_version maven-surefire-plugin)</version>
      </plugin>
      <plugin>
        <!-- the manifest's Class-Path records what Maven resolved, in repository layout: checked, then run -->
        <groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId>
        <version>$(plugin_version maven-jar-plugin)</version>
        <configuration>
          <archive>
            <manifest>
              <mainClass>app.Main</mainClass>
              <addClasspath>true</addClasspath>
              <classpathLayoutType>repository</classpathLayoutType>
              <useUniqueVersions>false</useUniqueVersions>
            </manifest>
          </archive>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
EOF
cat > "$work/src/main/java/app/Main.java" <<'EOF'
package app;

import dev.mtasts.MtaStsValidator;
import dev.mtasts.Validator;

public final class Main {
    public static void main(String[] args) {
        Validator validator = MtaStsValidator.builder().build();   // the defaults, found on the class path
        System.out.println("resolver " + validator.resolver().getClass().getName());
        System.out.println("fetcher " + validator.fetcher().getClass().getName());
    }
}
EOF

echo "== bom-smoke: a project importing dev.mtasts:mta-sts-bom:$version, built offline"
log="$work/build.log"
if ! "$root/mvnw" -B -o "${repo_opt[@]}" -f "$work/pom.xml" package > "$log" 2>&1; then
  cat "$log" >&2
  fail "the project that imports the BOM did not build offline"
fi

jar="$work/target/bom-user-1.jar"
# the Class-Path attribute, unfolded (manifest lines are wrapped at 72 bytes, continuations start with a space)
(cd "$work" && jar xf "$jar" META-INF/MANIFEST.MF)
classpath="$(tr -d '\r' < "$work/META-INF/MANIFEST.MF" | sed ':a;N;$!ba;s/\n //g' | sed -n 's/^Class-Path: //p')"
for artifact in mta-sts-core mta-sts-dns mta-sts-http; do
  expected="dev/mtasts/$artifact/$version/$artifact-$version.jar"
  case " $classpath " in
    *" $expected "*) ;;
    *) echo "$classpath" | tr ' ' '\n' >&2; fail "$artifact did not resolve to $version" ;;
  esac
done

cp=""
for entry in $classpath; do
  cp="$cp:$repo/$entry"
done
# stderr apart: without a binding SLF4J warns that it logs nothing, as it will for a user without one
result="$(java -cp "$work/target/classes$cp" app.Main 2> "$work/stderr")" || { cat "$work/stderr" >&2; fail "app.Main failed"; }
expected="resolver dev.mtasts.dns.DnsjavaResolver
fetcher dev.mtasts.http.HttpsPolicyFetcher"
if [ "$result" != "$expected" ]; then
  echo "bom-smoke: unexpected output:" >&2
  echo "$result" >&2
  exit 1
fi
echo "bom-smoke: OK (BOM $version: core, dns and http resolved to $version without versions, offline; providers found)"
