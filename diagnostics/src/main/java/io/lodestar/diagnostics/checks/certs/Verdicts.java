package io.lodestar.diagnostics.checks.certs;

import io.lodestar.diagnostics.CheckResult;
import io.lodestar.diagnostics.Status;
import java.util.List;

/** Folds per-certificate verdicts into one result: worst status, worst certificate in the summary. */
final class Verdicts {

    private Verdicts() {
    }

    static CheckResult fold(List<CertificateVerdict> verdicts, String remediation) {
        CertificateVerdict worst = verdicts.get(0);
        for (CertificateVerdict v : verdicts) {
            if (v.status().ordinal() < worst.status().ordinal()) {
                worst = v;
            }
        }
        Status status = worst.status();
        String summary = verdicts.size() == 1 ? worst.source() + ": " + worst.message()
                : verdicts.size() + " certificates; " + worst.source() + ": " + worst.message();
        CheckResult.Builder result = CheckResult.of(status, summary)
                .remediation(status == Status.WARN || status == Status.FAIL ? remediation : "");
        verdicts.forEach(v -> result.detail(v.source(), v.status().label() + ": " + v.message()));
        return result.build();
    }
}
