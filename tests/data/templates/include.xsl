<?xml version="1.0" encoding="UTF-8"?>
<!-- Templates are one file: an include (line 4) is refused. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="broken.xsl"/>
</xsl:stylesheet>
