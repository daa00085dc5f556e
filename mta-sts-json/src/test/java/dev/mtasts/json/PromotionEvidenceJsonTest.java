package dev.mtasts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mtasts.DomainName;
import dev.mtasts.Severity;
import dev.mtasts.report.EvidenceFailure;
import dev.mtasts.report.Finding;
import dev.mtasts.report.FindingCode;
import dev.mtasts.report.Promotion;
import dev.mtasts.report.PromotionEvidence;
import dev.mtasts.report.PromotionStatus;
import dev.mtasts.report.ValidationReport;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code promotion.evidence}: the TLS-RPT evidence a readiness was judged with, written and valid by the schema. */
class PromotionEvidenceJsonTest {

    private static final LocalDate DAY_1 = LocalDate.parse("2026-11-15");
    private static final LocalDate DAY_10 = LocalDate.parse("2026-11-24");
    private static final LocalDate DAY_14 = LocalDate.parse("2026-11-28");

    /** Evidence as an application with its own report store gives it: any implementation, any map order. */
    record Evidence(DomainName domain, Optional<LocalDate> firstDay, Optional<LocalDate> lastDay, int daysCovered,
                    int consecutiveCleanStsDays, long totalStsSessions, long failedStsSessions, List<String> reporters,
                    Map<String, Long> failuresByResultType, Map<String, Long> failuresByReceivingMx,
                    List<EvidenceFailure> failures) implements PromotionEvidence {
    }

    static PromotionEvidence failureOnDayTen(String reporter, String information) {
        Map<String, Long> byMx = new LinkedHashMap<>();
        byMx.put("mx2.example.com", 3L);
        byMx.put("mx1.example.com", 1L);
        return new Evidence(DomainName.of("example.com"), Optional.of(DAY_1), Optional.of(DAY_14), 14, 4, 28_000, 4,
                List.of("Google Inc.", reporter), Map.of("certificate-host-mismatch", 3L, "starttls-not-supported", 1L),
                byMx, List.of(
                        new EvidenceFailure(DAY_10, reporter, "sts", "certificate-host-mismatch",
                                Optional.of("mx2.example.com"), 3, Optional.of(information)),
                        new EvidenceFailure(DAY_10, "Google Inc.", "sts", "starttls-not-supported",
                                Optional.of("mx1.example.com"), 1, Optional.empty())));
    }

    static PromotionEvidence noReport() {
        return new Evidence(DomainName.of("example.com"), Optional.empty(), Optional.empty(), 0, 0, 0, 0, List.of(),
                Map.of(), Map.of(), List.of());
    }

    /** {@link SampleReports#full()} with a NOT_READY promotion judged with {@code evidence}. */
    static ValidationReport withEvidence(PromotionEvidence evidence) {
        ValidationReport r = SampleReports.full();
        Finding blocker = Finding.of(FindingCode.TLSRPT_REPORTED_FAILURES, Severity.WARNING,
                "Microsoft Corporation reported 3 failed sessions with certificate-host-mismatch at mx2.example.com.",
                "The certificate of mx2.example.com must list 'mx2.example.com' among its DNS names.");
        Promotion promotion = new Promotion(PromotionStatus.NOT_READY, List.of(blocker), "Fix the blocker.",
                Optional.of(evidence));
        return new ValidationReport(r.domain(), r.checkedAt(), r.elapsed(), r.observations(), r.stsRecord(),
                r.policy(), r.mxHosts(), r.tlsRptRecord(), r.layers(), r.findings(), r.verdict(), r.atRisk(),
                r.inconclusive(), promotion, r.remediation(), r.snapshot());
    }

    @Test
    void evidenceIsWrittenFieldByFieldInsidePromotion() {
        JsonNode evidence = ReportJson.toTree(withEvidence(failureOnDayTen("Microsoft Corporation", "SAN: mx.example")))
                .get("promotion").get("evidence");

        List<String> names = new ArrayList<>();
        evidence.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("firstDay", "lastDay", "daysCovered", "consecutiveCleanStsDays",
                "totalStsSessions", "failedStsSessions", "reporters", "failuresByResultType", "failuresByReceivingMx",
                "failures");
        assertThat(evidence.get("firstDay").asText()).isEqualTo("2026-11-15");
        assertThat(evidence.get("lastDay").asText()).isEqualTo("2026-11-28");
        assertThat(evidence.get("daysCovered").intValue()).isEqualTo(14);
        assertThat(evidence.get("consecutiveCleanStsDays").intValue()).isEqualTo(4);
        assertThat(evidence.get("totalStsSessions").longValue()).isEqualTo(28_000);
        assertThat(evidence.get("failedStsSessions").longValue()).isEqualTo(4);
        assertThat(evidence.get("reporters").toString()).isEqualTo("[\"Google Inc.\",\"Microsoft Corporation\"]");
        assertThat(evidence.get("failuresByResultType").toString())
                .isEqualTo("{\"certificate-host-mismatch\":3,\"starttls-not-supported\":1}");
        // sorted by host whatever the order of the implementation's map
        assertThat(evidence.get("failuresByReceivingMx").toString())
                .isEqualTo("{\"mx1.example.com\":1,\"mx2.example.com\":3}");
        JsonNode first = evidence.get("failures").get(0);
        assertThat(first.toString()).isEqualTo("{\"day\":\"2026-11-24\",\"reporter\":\"Microsoft Corporation\","
                + "\"policyType\":\"sts\",\"resultType\":\"certificate-host-mismatch\","
                + "\"receivingMxHost\":\"mx2.example.com\",\"failedSessions\":3,"
                + "\"additionalInformation\":\"SAN: mx.example\"}");
        assertThat(evidence.get("failures").get(1).has("additionalInformation")).isFalse();
    }

    @Test
    void theEvidenceTreeAloneIsTheOneInsideTheReport() {
        PromotionEvidence evidence = failureOnDayTen("Microsoft Corporation", "x");

        assertThat(ReportJson.toTree(evidence))
                .isEqualTo(ReportJson.toTree(withEvidence(evidence)).get("promotion").get("evidence"));
    }

    @Test
    void evidenceWithoutAReportHasNoDaysAndEmptyLists() {
        JsonNode evidence = ReportJson.toTree(withEvidence(noReport())).get("promotion").get("evidence");

        assertThat(evidence.has("firstDay")).isFalse();
        assertThat(evidence.has("lastDay")).isFalse();
        assertThat(evidence.get("daysCovered").intValue()).isZero();
        assertThat(evidence.get("reporters").isEmpty()).isTrue();
        assertThat(evidence.get("failuresByResultType").isEmpty()).isTrue();
        assertThat(evidence.get("failures").isArray()).isTrue();
    }

    @Test
    void aPromotionWithoutEvidenceHasNoEvidenceField() {
        assertThat(ReportJson.toTree(SampleReports.full()).get("promotion").has("evidence")).isFalse();
    }

    @Test
    void reportsWithEvidenceAreValidBySchema() {
        for (PromotionEvidence evidence : List.of(failureOnDayTen("Microsoft Corporation", "x"), noReport(),
                failureOnDayTen(SampleReports.HOSTILE, SampleReports.HOSTILE))) {
            ValidationReport report = withEvidence(evidence);
            assertThat(Schemas.errors(ReportJson.toJson(report))).as(evidence.toString()).isEmpty();
            assertThat(Schemas.errors(ReportJson.writer().pretty(true).build().toJson(report))).isEmpty();
        }
    }

    /** The evidence object is closed and exact, as the rest of the schema. */
    @Test
    void theSchemaRefusesEvidenceTheWriterNeverWrites() {
        List<Consumer<ObjectNode>> breaks = List.of(
                e -> e.put("domain", "example.com"),
                e -> e.remove("reporters"),
                e -> e.put("daysCovered", -1),
                e -> e.put("totalStsSessions", 1.5),
                e -> e.put("firstDay", "2026-11-15T00:00:00Z"),
                e -> e.putNull("lastDay"),
                e -> ((ObjectNode) e.get("failuresByResultType")).put("certificate-expired", "3"),
                e -> ((ObjectNode) e.get("failuresByReceivingMx")).put("", 1),
                e -> ((ObjectNode) e.get("failures").get(0)).remove("resultType"),
                e -> ((ObjectNode) e.get("failures").get(0)).put("mx", "mx2.example.com"),
                e -> ((ArrayNode) e.get("reporters")).add("Google Inc."));

        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode report = ReportJson.toTree(withEvidence(failureOnDayTen("Microsoft Corporation", "x")));
            breaks.get(i).accept((ObjectNode) report.get("promotion").get("evidence"));
            if (Schemas.errors(report.toString()).isEmpty()) {
                accepted.add("change " + i + ": " + report.get("promotion"));
            }
        }
        assertThat(accepted).isEmpty();
    }
}
