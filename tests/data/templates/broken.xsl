<?xml version="1.0" encoding="UTF-8"?>
<!-- Not well-formed: the element on line 6 is never closed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/">
    <out>
      <unclosed>
    </out>
  </xsl:template>
</xsl:stylesheet>
