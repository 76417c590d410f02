package io.energysensors.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and image in the repository's Markdown files (README.md, docs/ and the
 * others, outside build output) leads to a file or directory of the repository, and every
 * {@code #anchor} to a heading of the Markdown file it names, with GitHub's heading ids. Links with
 * a scheme (https:, mailto:) are not followed. It lives in event-format because that module is
 * built first and its tests already read the repository's files from the module directory.
 */
class MarkdownLinksTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");
    private static final Set<String> NOT_DOCUMENTATION = Set.of("target", "node_modules", "data");

    private static final Parser PARSER = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
            .build();

    @Test
    void everyRelativeLinkOfTheRepositoryResolves() {
        List<Path> documents = markdownFiles(REPOSITORY);

        assertThat(documents).contains(REPOSITORY.resolve("README.md"), REPOSITORY.resolve("docs/architecture.md"));
        assertThat(brokenLinks(REPOSITORY, documents)).isEmpty();
    }

    @Test
    void reportsAMissingFileAnAnchorWithoutHeadingAndALinkOutOfTheRepository(@TempDir Path repository)
            throws IOException {
        Files.createDirectories(repository.resolve("docs"));
        Files.writeString(repository.resolve("docs/guide.md"), "# The `guide`, first part\n\n## Twice\n\n## Twice\n");
        Files.writeString(repository.resolve("README.md"), """
                [fine](docs/guide.md) [fine](docs/guide.md#the-guide-first-part) [fine](docs/guide.md#twice-1)
                [fine](docs/) [fine](#readme) [fine](https://example.org/missing.md)

                # Readme

                [missing file](docs/missing.md)
                ![missing image](docs/missing.png)
                [missing anchor](docs/guide.md#twice-2)
                [outside](../elsewhere.md)
                """);

        assertThat(brokenLinks(repository, markdownFiles(repository)))
                .containsExactly(
                        "README.md:6: docs/missing.md: no such file",
                        "README.md:7: docs/missing.png: no such file",
                        "README.md:8: docs/guide.md#twice-2: no heading with that id",
                        "README.md:9: ../elsewhere.md: outside the repository");
    }

    private static List<Path> markdownFiles(Path repository) {
        try (Stream<Path> files = Files.walk(repository)) {
            return files.filter(file -> file.toString().endsWith(".md"))
                    .filter(file -> isDocumentation(repository.relativize(file)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves out build output, local data and hidden directories (.git, .mvn, .idea). */
    private static boolean isDocumentation(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || NOT_DOCUMENTATION.contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> brokenLinks(Path repository, List<Path> documents) {
        Map<Path, Set<String>> headingIds = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (Target link : links(document)) {
                String problem = problem(repository, document, link.destination(), headingIds);
                if (problem != null) {
                    broken.add(repository.relativize(document) + ":" + link.line() + ": " + link.destination() + ": "
                            + problem);
                }
            }
        }
        return broken;
    }

    private static String problem(Path repository, Path document, String destination, Map<Path, Set<String>> ids) {
        if (SCHEME.matcher(destination).find()) {
            return null;
        }
        int hash = destination.indexOf('#');
        String path =
                URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash), StandardCharsets.UTF_8);
        Path target =
                path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!target.startsWith(repository)) {
            return "outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (hash < 0 || !target.toString().endsWith(".md")) {
            return null;
        }
        String anchor = destination.substring(hash + 1);
        return ids.computeIfAbsent(target, MarkdownLinksTests::headingIds).contains(anchor)
                ? null
                : "no heading with that id";
    }

    private record Target(String destination, int line) {}

    private static List<Target> links(Path document) {
        List<Target> links = new ArrayList<>();
        parse(document).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(new Target(link.getDestination(), line(link)));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(new Target(image.getDestination(), line(image)));
                visitChildren(image);
            }
        });
        return links;
    }

    /** The ids GitHub gives the headings: lower case, punctuation dropped, "-1", "-2" for repeats. */
    private static Set<String> headingIds(Path document) {
        IdGenerator generator = IdGenerator.builder().build();
        Set<String> ids = new HashSet<>();
        parse(document).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text literal) {
                        text.append(literal.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                        text.append(code.getLiteral());
                    }
                });
                ids.add(generator.generateId(text.toString()));
            }
        });
        return ids;
    }

    private static Node parse(Path document) {
        try {
            return PARSER.parse(Files.readString(document, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int line(Node node) {
        return node.getSourceSpans().isEmpty()
                ? 0
                : node.getSourceSpans().get(0).getLineIndex() + 1;
    }
}
