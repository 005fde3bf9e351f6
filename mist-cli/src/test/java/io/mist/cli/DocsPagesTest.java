package io.mist.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mist.registry.EstimatorFamily;
import io.mist.registry.EstimatorProvider;
import io.mist.registry.EstimatorRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated parts of docs/ match the registry, and the generator keeps the prose. */
class DocsPagesTest {
    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void generatedPagesMatchTheCode() throws IOException {
        Map<String, String> pages = DocsPages.pages(EstimatorRegistry.global(), DOCS);
        for (Map.Entry<String, String> e : pages.entrySet()) {
            Path p = DOCS.resolve(e.getKey());
            assertTrue(Files.exists(p), "docs/" + e.getKey() + " is missing: generate it with '"
                    + DocsPages.COMMAND + "'");
            assertEquals(e.getValue(), Files.readString(p), "docs/" + e.getKey() + " is stale: regenerate it with '"
                    + DocsPages.COMMAND + "'");
        }
        // every registered estimator has a section on its family's page and a row on the choosing page
        for (EstimatorProvider p : EstimatorRegistry.global().providers()) {
            String page = pages.get(DocsPages.familyPage(p.estimatorFamily()));
            assertTrue(page.contains("\n### " + p.name() + "\n"), p.name());
            assertTrue(pages.get(DocsPages.CHOOSING).contains("| `" + p.name() + "` |"), p.name());
        }
    }

    @Test
    void generatorKeepsProseAndGivesANewFamilyAPage(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("families"));
        Files.writeString(dir.resolve("families/gmm.md"), "# My prose\n\nkept\n\n" + DocsPages.MARKER + "\nSTALE-TABLE\n");
        List<Path> written = DocsPages.write(EstimatorRegistry.global(), dir);
        String gmm = Files.readString(dir.resolve("families/gmm.md"));
        assertTrue(gmm.startsWith("# My prose\n\nkept\n\n" + DocsPages.MARKER + "\n"), gmm);
        assertTrue(!gmm.contains("STALE-TABLE") && gmm.contains("### gmm"), gmm);
        assertTrue(written.contains(dir.resolve("options.md")));
        // a family with no page yet gets one with its title; a family unknown to EstimatorFamily is titled by its id
        assertTrue(Files.readString(dir.resolve("families/discriminative.md"))
                .startsWith("# " + EstimatorFamily.of("discriminative").title()));
        EstimatorFamily fresh = EstimatorFamily.of("newfamily");
        assertEquals("newfamily", fresh.title());
        assertTrue(EstimatorFamily.order().compare(EstimatorFamily.of("auto"), fresh) < 0);
    }

    @Test
    void listDocsWritesThePages(@TempDir Path dir) {
        CliTest.Run r = CliTest.mist("list", "--docs", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("choosing-an-estimator.md"), r.out());
        assertTrue(Files.exists(dir.resolve("families/nonparametric.md")));
    }
}
