package io.lodestar.diagnostics.checks.certs;

import io.lodestar.diagnostics.Status;

/** One certificate's judgement, folded by the checks into a single result. */
record CertificateVerdict(String source, Status status, String message) {
}
