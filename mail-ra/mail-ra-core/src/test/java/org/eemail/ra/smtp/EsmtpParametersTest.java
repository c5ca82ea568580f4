// SPDX-License-Identifier: Apache-2.0
package org.eemail.ra.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EsmtpParametersTest {

    @Test
    void keywordsAreUpperCasedAndValuesKept() throws SmtpRefusal {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SIZE", "100");
        expected.put("SMTPUTF8", null);
        expected.put("ENVID", "a+2Bb");
        assertEquals(expected, EsmtpParameters.parse("size=100 SMTPUTF8  ENVID=a+2Bb"));
        assertEquals(Map.of(), EsmtpParameters.parse(""));
    }

    @Test
    void malformedOrRepeatedParametersAreSyntaxErrors() {
        for (String bad : List.of("SIZE=1 size=2", "=1", "SIZE=", "-X=1", "A=b=c")) {
            assertEquals(SmtpReplies.SYNTAX_ERROR,
                    assertThrows(SmtpRefusal.class, () -> EsmtpParameters.parse(bad), bad).reply());
        }
    }

    @Test
    void xtextDecodesHexPairsAndRefusesTheRest() throws SmtpRefusal {
        assertEquals("a+b=c", EsmtpParameters.xtext("a+2Bb+3Dc"));
        assertEquals("rfc822;x@y", EsmtpParameters.xtext("rfc822;x@y"));
        for (String bad : List.of("a+2b", "a+2", "a+", "a=b", "a b")) {
            assertThrows(SmtpRefusal.class, () -> EsmtpParameters.xtext(bad), bad);
        }
    }
}
