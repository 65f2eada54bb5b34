<?xml version="1.0" encoding="UTF-8"?>
<!--
  letter.xsl - a letter as document XML (docs/pipeline.md).

  SPDX-License-Identifier: GPL-3.0-or-later

  Input: the canonical letter XML (docs/letter-format.md) inside an
  <x:input> element that the core adds around it (app/core/rpt-template.c):

    x:input/@language, @addressee ("state" or "other")
    x:meta        title, subject, reference and keywords for office:meta
    x:addressee   a company or organisation's name after "de" and "à"
                  (@de, @a), by the contraction rules
    x:country     the addressee State's name in the letter's language, as
                  running text writes it ("le Tadjikistan"); @de and @a,
                  its forms after "de" and "à" ("du Tadjikistan")
    x:mandate     one per letter mandate: @id, @form (SR, WG, IE…), @title
                  (in the letter's language and the form its holder uses;
                  absent when unknown), @gender ("m" or "f": the article
                  before it), @elision ("yes": French "de l'…"), @missing
                  ("language" or "feminine": @title is the English or the
                  masculine title, shown as a gap; "date": two titles were
                  in force on the letter's date, @title is today's),
                  @missing-resolution ("yes": the data cannot give the
                  resolution in force on the letter's date; the opening
                  shows a gap), x:resolution*
    x:treaty      one per instrument named in a <treaty-status/>: @status
                  ("party", "signatory", "not-party", "unknown"), @action,
                  @date, @signature-date, @gender ("m" or "f": the gender
                  of its name in French and Spanish)
    x:strings     the standard sentences (data/templates/boilerplate.xml.in)
                  in the letter's language, English where untranslated
    l:letter      the letter; in its paragraph text the core has replaced
                  runs of spaces, tabs and line feeds by x:s/@c, x:tab and
                  x:br, so that this template stays linear on any input.

  This template holds no words: every sentence comes from x:strings by id
  (the "say" template), so translations live in one catalogue. It runs
  under a libxslt security policy that forbids all file and network access,
  so it can read nothing but its input.

  Output: a flat office:document in the document XML subset, with a line
  feed after each block so that errors can name a line.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
                xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:l="urn:x-rapporteur:letter"
                xmlns:x="urn:x-rapporteur:export"
                xmlns:bp="urn:x-rapporteur:boilerplate"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="l x bp exsl">

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- The communications reporting website, linked from the publication
       paragraph. -->
  <xsl:variable name="website" select="'https://spcommreports.ohchr.org/'"/>

  <xsl:variable name="in" select="/x:input"/>
  <xsl:variable name="letter" select="$in/l:letter"/>
  <xsl:variable name="kind" select="translate($letter/l:kind, 'ALUO', 'aluo')"/>
  <xsl:variable name="to" select="$in/@addressee"/>
  <xsl:variable name="n-mandates" select="count($in/x:mandate)"/>
  <!-- bodies outside the Special Procedures that join the letter -->
  <xsl:variable name="co-senders" select="$letter/l:co-senders[node()]"/>
  <!-- where the paragraph on earlier letters stands -->
  <xsl:variable name="communications-place">
    <xsl:choose>
      <xsl:when test="$letter/l:previous-communications/@place">
        <xsl:value-of select="$letter/l:previous-communications/@place"/>
      </xsl:when>
      <xsl:otherwise>after-profile</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- "I" for one Special Rapporteur or Independent Expert, "we" for a
       Working Group or several mandates -->
  <xsl:variable name="voice">
    <xsl:choose>
      <xsl:when test="$n-mandates = 1 and $in/x:mandate/@form != 'WG' and not($co-senders)">i</xsl:when>
      <xsl:otherwise>we</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="voice-n">
    <xsl:choose>
      <xsl:when test="$voice = 'we' and $n-mandates = 1 and not($co-senders)">we-one</xsl:when>
      <xsl:otherwise><xsl:value-of select="$voice"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- "I" being a woman who uses the feminine form of her title, for the
       sentences where a language makes the writer's gender agree -->
  <xsl:variable name="voice-g">
    <xsl:value-of select="$voice-n"/>
    <xsl:if test="$voice = 'i' and $in/x:mandate/@gender = 'f'">-f</xsl:if>
  </xsl:variable>
  <!-- letters on legislation have their own sentences where the others
       speak of allegations -->
  <xsl:variable name="ol-suffix">
    <xsl:if test="$kind = 'ol'">-ol</xsl:if>
  </xsl:variable>

  <xsl:key name="sentence" match="x:strings/bp:s" use="@id"/>
  <xsl:key name="bullet-run" match="l:clause[@style = 'bullet']"
           use="generate-id(preceding-sibling::l:clause[not(@style = 'bullet')][1])"/>

  <!-- ============================================================== -->
  <!-- The letter                                                       -->

  <xsl:template match="/">
    <office:document office:version="1.3"
                     office:mimetype="application/vnd.oasis.opendocument.text">
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="meta"/>
      <office:body>
        <office:text>
          <xsl:text>&#10;</xsl:text>
          <xsl:call-template name="header"/>
          <xsl:call-template name="opening"/>
          <xsl:if test="$communications-place = 'after-subject'">
            <xsl:call-template name="previous-communications"/>
          </xsl:if>
          <xsl:call-template name="profile"/>
          <xsl:if test="$communications-place = 'after-profile'">
            <xsl:call-template name="previous-communications"/>
          </xsl:if>
          <xsl:call-template name="facts"/>
          <xsl:if test="$communications-place = 'after-facts'">
            <xsl:call-template name="previous-communications"/>
          </xsl:if>
          <xsl:call-template name="concerns"/>
          <xsl:if test="$communications-place = 'after-concerns'">
            <xsl:call-template name="previous-communications"/>
          </xsl:if>
          <xsl:call-template name="annex-pointer"/>
          <xsl:call-template name="questions"/>
          <xsl:call-template name="closing"/>
          <xsl:call-template name="signatures"/>
          <xsl:call-template name="annex"/>
        </office:text>
      </office:body>
      <xsl:text>&#10;</xsl:text>
    </office:document>
  </xsl:template>

  <xsl:template name="meta">
    <office:meta>
      <dc:title><xsl:value-of select="$in/x:meta/@title"/></dc:title>
      <dc:subject><xsl:value-of select="$in/x:meta/@subject"/></dc:subject>
      <dc:language><xsl:value-of select="$in/@language"/></dc:language>
      <xsl:for-each select="$in/x:meta/x:keyword">
        <meta:keyword><xsl:value-of select="."/></meta:keyword>
      </xsl:for-each>
      <meta:user-defined meta:name="Reference">
        <xsl:value-of select="$in/x:meta/@reference"/>
      </meta:user-defined>
      <!-- the address atop the first page (house-style.xml), in the
           letter's language -->
      <meta:user-defined meta:name="Letterhead">
        <xsl:value-of select="key('sentence', 'letterhead')"/>
      </meta:user-defined>
    </office:meta>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- "Mandates of the …", reference, date, salutation -->
  <xsl:template name="header">
    <xsl:variable name="items">
      <xsl:for-each select="$in/x:mandate">
        <item><xsl:call-template name="header-item"/></item>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Mandates'"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="$n-mandates = 1">
            <xsl:call-template name="say">
              <xsl:with-param name="id" select="'header-one'"/>
              <xsl:with-param name="args">
                <arg name="mandate"><xsl:copy-of select="exsl:node-set($items)/item/node()"/></arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:when test="$n-mandates = 0">
            <xsl:call-template name="say">
              <xsl:with-param name="id" select="'header-one'"/>
              <xsl:with-param name="args">
                <arg name="mandate">
                  <xsl:call-template name="say">
                    <xsl:with-param name="id" select="'header-item-m'"/>
                    <xsl:with-param name="args">
                      <arg name="title">
                        <xsl:call-template name="say">
                          <xsl:with-param name="id" select="'missing-mandate'"/>
                        </xsl:call-template>
                      </arg>
                    </xsl:with-param>
                  </xsl:call-template>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="say">
              <xsl:with-param name="id" select="'header-many'"/>
              <xsl:with-param name="args">
                <arg name="mandates">
                  <xsl:call-template name="list">
                    <xsl:with-param name="items" select="exsl:node-set($items)/item"/>
                    <xsl:with-param name="middle" select="'list-middle-mandates'"/>
                    <xsl:with-param name="end" select="'list-end-mandates'"/>
                  </xsl:call-template>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Reference'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'reference'"/>
          <xsl:with-param name="args">
            <arg name="reference"><xsl:value-of select="$in/x:meta/@reference"/></arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <!-- editions of the house style before 2024 have no such line -->
    <xsl:if test="not(key('sentence', 'reference-note')/@omit = 'yes')">
      <xsl:call-template name="p">
        <xsl:with-param name="style" select="'ReferenceNote'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="'reference-note'"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Date'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="date">
          <xsl:with-param name="iso" select="$letter/l:date"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Salutation'"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="$to = 'other' and $letter/l:addressee/l:salutation/node()">
            <xsl:apply-templates select="$letter/l:addressee/l:salutation/node()" mode="inline"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="say">
              <xsl:with-param name="id" select="concat('salutation-', $to)"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- "We have the honour …" and "In this connection, … concerning the …" -->
  <xsl:template name="opening">
    <xsl:variable name="titles">
      <xsl:for-each select="$in/x:mandate">
        <item><xsl:call-template name="mandate-title"/></item>
      </xsl:for-each>
    </xsl:variable>
    <!-- every resolution once, in the order of the mandates; a mandate
         whose resolution the data cannot give is a gap in the list, never
         left out of it -->
    <xsl:variable name="resolutions">
      <xsl:for-each select="$in/x:mandate">
        <xsl:choose>
          <xsl:when test="@missing-resolution = 'yes'">
            <item>
              <xsl:call-template name="say">
                <xsl:with-param name="id" select="'missing-resolution'"/>
                <xsl:with-param name="args">
                  <arg name="title"><xsl:call-template name="mandate-title"/></arg>
                </xsl:with-param>
              </xsl:call-template>
            </item>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="x:resolution">
              <xsl:if test="not(preceding::x:resolution[. = current()])">
                <item><xsl:value-of select="."/></item>
              </xsl:if>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="n-resolutions" select="count(exsl:node-set($resolutions)/item)"/>

    <xsl:call-template name="p">
      <xsl:with-param name="content">
        <xsl:call-template name="say">
          <xsl:with-param name="id">
            <xsl:text>opening-</xsl:text>
            <xsl:value-of select="$voice-n"/>
            <xsl:if test="$n-resolutions = 0">-no-resolution</xsl:if>
          </xsl:with-param>
          <xsl:with-param name="args">
            <arg name="titles">
              <xsl:choose>
                <xsl:when test="$n-mandates = 0">
                  <xsl:call-template name="say">
                    <xsl:with-param name="id" select="'missing-mandate'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:call-template name="list">
                    <xsl:with-param name="items" select="exsl:node-set($titles)/item"/>
                    <xsl:with-param name="middle" select="'list-middle-mandates'"/>
                    <xsl:with-param name="end" select="'list-end-mandates'"/>
                  </xsl:call-template>
                </xsl:otherwise>
              </xsl:choose>
            </arg>
            <arg name="resolutions">
              <xsl:variable name="resolution-list">
              <xsl:if test="$n-resolutions &gt; 0">
                <xsl:call-template name="say">
                  <xsl:with-param name="id">
                    <xsl:choose>
                      <xsl:when test="$n-resolutions = 1">resolutions-one</xsl:when>
                      <xsl:otherwise>resolutions-many</xsl:otherwise>
                    </xsl:choose>
                  </xsl:with-param>
                  <xsl:with-param name="args">
                    <arg name="list">
                      <xsl:call-template name="list">
                        <xsl:with-param name="items" select="exsl:node-set($resolutions)/item"/>
                      </xsl:call-template>
                    </arg>
                  </xsl:with-param>
                </xsl:call-template>
              </xsl:if>
              </xsl:variable>
              <xsl:choose>
                <!-- bodies outside the Special Procedures stand after the
                     resolutions, not among the mandates -->
                <xsl:when test="$co-senders and $n-resolutions &gt; 0">
                  <xsl:call-template name="say">
                    <xsl:with-param name="id" select="'resolutions-co-senders'"/>
                    <xsl:with-param name="args">
                      <arg name="resolutions"><xsl:copy-of select="$resolution-list"/></arg>
                      <arg name="co-senders">
                        <xsl:apply-templates select="$co-senders/node()" mode="inline"/>
                      </arg>
                    </xsl:with-param>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:copy-of select="$resolution-list"/></xsl:otherwise>
              </xsl:choose>
            </arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="p">
      <xsl:with-param name="content">
        <xsl:call-template name="say">
          <xsl:with-param name="id">
            <xsl:value-of select="concat('subject-', $voice, '-', $to, $ol-suffix)"/>
            <!-- the drafter's own words (or none) before the summary, not
                 the language's usual article -->
            <xsl:if test="$letter/l:summary/@article = 'none' or $letter/l:summary/@article = 'own'">-article</xsl:if>
          </xsl:with-param>
          <xsl:with-param name="args">
            <arg name="addressee">
              <xsl:call-template name="addressee-name"/>
            </arg>
            <arg name="addressee-de">
              <xsl:call-template name="addressee-name">
                <xsl:with-param name="form" select="'de'"/>
              </xsl:call-template>
            </arg>
            <arg name="addressee-a">
              <xsl:call-template name="addressee-name">
                <xsl:with-param name="form" select="'a'"/>
              </xsl:call-template>
            </arg>
            <arg name="summary">
              <xsl:if test="$letter/l:summary/@article = 'own' and
                            normalize-space($letter/l:summary/@article-text) != ''">
                <xsl:value-of select="$letter/l:summary/@article-text"/>
                <xsl:text> </xsl:text>
              </xsl:if>
              <text:span text:style-name="Bold">
                <xsl:choose>
                  <xsl:when test="$letter/l:summary">
                    <xsl:apply-templates select="$letter/l:summary/node()" mode="inline"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="say">
                      <xsl:with-param name="id" select="'missing-summary'"/>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:text>.</xsl:text>
              </text:span>
            </arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="profile">
    <xsl:for-each select="$letter/l:profile/l:paragraph">
      <xsl:call-template name="item-p"/>
    </xsl:for-each>
  </xsl:template>

  <!-- Earlier letters, one paragraph: "We previously wrote to … on 12 May
       2023 (AL TJK 1/2023), … regarding …"; letters other mandate holders
       sent ("We would also like to recall communication …, sent on … by
       …"); what is said of each reply ("We thank … for its reply dated …
       and regret not receiving a reply to …", "We regret that we have not
       yet received a reply to this communication.", "We thank … for its
       response dated …, but we remain concerned …"); and the drafter's own
       sentences, which take the place of the standard ones for their
       letter. -->
  <xsl:template name="previous-communications">
    <xsl:variable name="comms" select="$letter/l:previous-communications/l:communication"/>
    <xsl:variable name="about" select="$letter/l:previous-communications/l:about"/>
    <xsl:variable name="ours" select="$comms[not(@sender = 'others')]"/>
    <xsl:variable name="others" select="$comms[@sender = 'others']"/>
    <!-- what the standard sentences say of replies: not of a letter with a
         sentence of the drafter's own, nor of one whose reply goes unsaid -->
    <xsl:variable name="std" select="$comms[not(l:sentence)][not(@reply = 'unmentioned')]"/>
    <xsl:variable name="replied"
                  select="$std[@reply = 'received' or ((not(@reply) or @reply = 'auto') and @reply-date)]"/>
    <xsl:variable name="unreplied"
                  select="$std[@reply = 'not-received' or ((not(@reply) or @reply = 'auto') and not(@reply-date))]"/>
    <xsl:variable name="partial" select="$std[@reply = 'partial']"/>
    <xsl:if test="$comms or $about">
      <xsl:variable name="dates">
        <xsl:for-each select="$ours">
          <item>
            <xsl:call-template name="say">
              <xsl:with-param name="id" select="'previous-item'"/>
              <xsl:with-param name="args">
                <arg name="date">
                  <xsl:call-template name="date">
                    <xsl:with-param name="iso" select="@date"/>
                  </xsl:call-template>
                </arg>
                <arg name="reference">
                  <xsl:apply-templates select="l:reference/node()" mode="inline"/>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </item>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="reply-dates">
        <xsl:for-each select="$replied">
          <item>
            <xsl:call-template name="date">
              <xsl:with-param name="iso" select="@reply-date"/>
            </xsl:call-template>
          </item>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="unreplied-refs">
        <xsl:for-each select="$unreplied">
          <item><xsl:apply-templates select="l:reference/node()" mode="inline"/></item>
        </xsl:for-each>
      </xsl:variable>

      <xsl:call-template name="p">
        <xsl:with-param name="content">
          <!-- the letters these mandates sent -->
          <xsl:if test="$ours or $about">
            <xsl:call-template name="say">
              <xsl:with-param name="id">
                <xsl:value-of select="concat('previous-', $voice, '-', $to)"/>
                <xsl:choose>
                  <xsl:when test="not($ours)">-about-only</xsl:when>
                  <xsl:when test="not($about)">-no-about</xsl:when>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="args">
                <arg name="dates">
                  <xsl:call-template name="list">
                    <xsl:with-param name="items" select="exsl:node-set($dates)/item"/>
                    <xsl:with-param name="end" select="'list-end-serial'"/>
                  </xsl:call-template>
                </arg>
                <arg name="about">
                  <xsl:apply-templates select="$about/node()" mode="inline"/>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>

          <!-- the letters other mandate holders sent -->
          <xsl:for-each select="$others[not(l:sentence)]">
            <xsl:if test="$ours or $about or position() &gt; 1">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:call-template name="say">
              <xsl:with-param name="id">
                <xsl:text>previous-other</xsl:text>
                <xsl:if test="$ours or $about or position() &gt; 1">-also</xsl:if>
                <xsl:value-of select="concat('-', $voice)"/>
              </xsl:with-param>
              <xsl:with-param name="args">
                <arg name="reference">
                  <xsl:apply-templates select="l:reference/node()" mode="inline"/>
                </arg>
                <arg name="date">
                  <xsl:call-template name="date">
                    <xsl:with-param name="iso" select="@date"/>
                  </xsl:call-template>
                </arg>
                <arg name="senders">
                  <xsl:choose>
                    <xsl:when test="l:senders">
                      <xsl:apply-templates select="l:senders/node()" mode="inline"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="say">
                        <xsl:with-param name="id" select="'senders-default'"/>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>

          <!-- replies -->
          <xsl:variable name="replies">
            <xsl:call-template name="say">
              <xsl:with-param name="id">
                <xsl:choose>
                  <xsl:when test="count($replied) = 1">replies-one</xsl:when>
                  <xsl:otherwise>replies-many</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="args">
                <arg name="dates">
                  <xsl:call-template name="list">
                    <xsl:with-param name="items" select="exsl:node-set($reply-dates)/item"/>
                  </xsl:call-template>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:variable>
          <xsl:variable name="communications">
            <xsl:call-template name="say">
              <xsl:with-param name="id">
                <xsl:choose>
                  <xsl:when test="count($unreplied) = 1">communications-one</xsl:when>
                  <xsl:otherwise>communications-many</xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="args">
                <arg name="references">
                  <xsl:call-template name="list">
                    <xsl:with-param name="items" select="exsl:node-set($unreplied-refs)/item"/>
                  </xsl:call-template>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:variable>
          <xsl:if test="$replied or $unreplied">
            <xsl:if test="$ours or $about or $others[not(l:sentence)]">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:call-template name="say">
              <xsl:with-param name="id">
                <xsl:choose>
                  <xsl:when test="$replied and $unreplied">
                    <xsl:value-of select="concat('thanks-regret-', $voice, '-', $to)"/>
                  </xsl:when>
                  <xsl:when test="$replied">
                    <xsl:value-of select="concat('thanks-', $voice, '-', $to)"/>
                  </xsl:when>
                  <!-- the one letter cited: "this communication" -->
                  <xsl:when test="count($comms) = 1">
                    <xsl:value-of select="concat('regret-this-', $voice)"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="concat('regret-', $voice)"/>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
              <xsl:with-param name="args">
                <arg name="replies"><xsl:copy-of select="$replies"/></arg>
                <arg name="communications"><xsl:copy-of select="$communications"/></arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:if>
          <xsl:for-each select="$partial">
            <xsl:if test="$ours or $about or $others[not(l:sentence)] or $replied or $unreplied
                          or position() &gt; 1">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:call-template name="say">
              <xsl:with-param name="id">
                <xsl:text>partial-</xsl:text>
                <xsl:if test="count($comms) &gt; 1">ref-</xsl:if>
                <xsl:value-of select="concat($voice, '-', $to)"/>
              </xsl:with-param>
              <xsl:with-param name="args">
                <arg name="date">
                  <xsl:call-template name="date">
                    <xsl:with-param name="iso" select="@reply-date"/>
                  </xsl:call-template>
                </arg>
                <arg name="reference">
                  <xsl:apply-templates select="l:reference/node()" mode="inline"/>
                </arg>
                <arg name="comment">
                  <xsl:choose>
                    <xsl:when test="l:reply-comment">
                      <xsl:apply-templates select="l:reply-comment/node()" mode="inline"/>
                    </xsl:when>
                    <xsl:otherwise>
                      <xsl:call-template name="say">
                        <xsl:with-param name="id" select="'missing-reply-comment'"/>
                      </xsl:call-template>
                    </xsl:otherwise>
                  </xsl:choose>
                </arg>
              </xsl:with-param>
            </xsl:call-template>
          </xsl:for-each>

          <!-- the drafter's own sentences -->
          <xsl:for-each select="$comms[l:sentence]">
            <xsl:if test="$ours or $about or $others[not(l:sentence)] or $replied or $unreplied
                          or $partial or position() &gt; 1">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:apply-templates select="l:sentence/node()" mode="inline"/>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="facts">
    <xsl:if test="$letter/l:facts/l:fact">
      <xsl:call-template name="p">
        <xsl:with-param name="style" select="'Lead'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id">
              <xsl:choose>
                <xsl:when test="$letter/l:facts/@lead = 'new-information'">facts-lead-new</xsl:when>
                <xsl:otherwise>facts-lead</xsl:otherwise>
              </xsl:choose>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$letter/l:facts/l:fact">
        <xsl:call-template name="item-p"/>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The first concern follows "While we do not wish to prejudge …" -->
  <xsl:template name="concerns">
    <xsl:for-each select="$letter/l:concerns/l:concern">
      <xsl:choose>
        <xsl:when test="position() = 1">
          <xsl:call-template name="p">
            <xsl:with-param name="id" select="@id"/>
            <xsl:with-param name="content">
              <xsl:call-template name="say">
                <xsl:with-param name="id">
                  <xsl:choose>
                    <xsl:when test="$kind = 'ol'">concerns-first-ol</xsl:when>
                    <xsl:otherwise><xsl:value-of select="concat('concerns-first-', $voice)"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
                <xsl:with-param name="args">
                  <arg name="concern"><xsl:apply-templates mode="inline"/></arg>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="item-p"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="annex-pointer">
    <xsl:if test="$letter/l:annex/l:clause">
      <xsl:call-template name="p">
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="concat('annex-pointer', $ol-suffix)"/>
            <xsl:with-param name="args">
              <arg name="annex">
                <text:span text:style-name="Bold">
                  <xsl:call-template name="say">
                    <xsl:with-param name="id" select="'annex-name'"/>
                  </xsl:call-template>
                </text:span>
              </arg>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Numbered questions: the numbers come from the list style -->
  <xsl:template name="questions">
    <xsl:if test="$letter/l:questions/l:question">
      <xsl:call-template name="p">
        <xsl:with-param name="style" select="'Lead'"/>
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="concat('questions-lead-', $voice-g)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <text:list text:style-name="Questions">
        <xsl:text>&#10;</xsl:text>
        <xsl:for-each select="$letter/l:questions/l:question">
          <text:list-item>
            <xsl:call-template name="item-p">
              <xsl:with-param name="style" select="'Question'"/>
            </xsl:call-template>
          </text:list-item>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </text:list>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Publication, Working Group on Arbitrary Detention, interim measures,
       press release, "Please accept …" -->
  <xsl:template name="closing">
    <xsl:variable name="closing" select="$letter/l:closing"/>
    <xsl:call-template name="p">
      <xsl:with-param name="content">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="concat('publication-', $kind, '-', $to)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:if test="$to = 'state' and ($closing/@wgad = 'yes' or (not($closing/@wgad = 'no')
                  and $letter/l:persons/l:person[@deprived-of-liberty = 'true']))">
      <xsl:call-template name="p">
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="concat('wgad-', $voice, '-', $kind)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:if test="not($closing/@interim-measures = 'false')">
      <xsl:call-template name="p">
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="concat('interim-', $voice)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:if test="$closing/@press-release = 'true'">
      <xsl:call-template name="p">
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="concat('press-', $voice, '-', $to)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>

    <xsl:call-template name="p">
      <xsl:with-param name="style" select="'Closing'"/>
      <xsl:with-param name="content">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="concat('closing-', $voice, '-', $to)"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Name, line break, title (the signatory's, or the mandate's) -->
  <xsl:template name="signatures">
    <xsl:for-each select="$letter/l:signatories/l:signatory">
      <xsl:variable name="mandate" select="$in/x:mandate[@id = current()/@mandate]"/>
      <xsl:call-template name="p">
        <xsl:with-param name="style" select="'Signature'"/>
        <xsl:with-param name="id" select="@id"/>
        <xsl:with-param name="content">
          <xsl:apply-templates select="l:name/node()" mode="inline"/>
          <xsl:choose>
            <xsl:when test="l:title">
              <text:line-break/>
              <xsl:apply-templates select="l:title/node()" mode="inline"/>
            </xsl:when>
            <xsl:when test="$mandate">
              <text:line-break/>
              <xsl:for-each select="$mandate">
                <xsl:call-template name="mandate-title"/>
              </xsl:for-each>
            </xsl:when>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- The legal annex, on a new page; consecutive bullet clauses are one
       bulleted list -->
  <xsl:template name="annex">
    <xsl:if test="$letter/l:annex/l:clause">
      <text:h text:style-name="AnnexHeading" text:outline-level="1">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'annex-heading'"/>
        </xsl:call-template>
      </text:h>
      <xsl:text>&#10;</xsl:text>
      <text:h text:style-name="AnnexTitle" text:outline-level="2">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'annex-title'"/>
        </xsl:call-template>
      </text:h>
      <xsl:text>&#10;</xsl:text>
      <xsl:call-template name="p">
        <xsl:with-param name="content">
          <xsl:call-template name="say">
            <xsl:with-param name="id" select="concat('annex-intro-', $voice, '-', $to)"/>
          </xsl:call-template>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:for-each select="$letter/l:annex/l:clause">
        <xsl:choose>
          <xsl:when test="@style = 'bullet'">
            <xsl:if test="not(preceding-sibling::l:clause[1][@style = 'bullet'])">
              <text:list text:style-name="Bullets">
                <xsl:text>&#10;</xsl:text>
                <xsl:for-each select="key('bullet-run',
                                      generate-id(preceding-sibling::l:clause[not(@style = 'bullet')][1]))">
                  <text:list-item>
                    <xsl:call-template name="item-p">
                      <xsl:with-param name="style" select="'ListItem'"/>
                    </xsl:call-template>
                  </text:list-item>
                  <xsl:text>&#10;</xsl:text>
                </xsl:for-each>
              </text:list>
              <xsl:text>&#10;</xsl:text>
            </xsl:if>
          </xsl:when>
          <xsl:when test="following-sibling::l:clause[1][@style = 'bullet']">
            <!-- introduces a list: never last on a page -->
            <xsl:call-template name="item-p">
              <xsl:with-param name="style" select="'Lead'"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="item-p"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Building blocks                                                  -->

  <!-- A paragraph, with a line feed after it -->
  <xsl:template name="p">
    <xsl:param name="style" select="'Body'"/>
    <xsl:param name="id"/>
    <xsl:param name="content"/>
    <text:p text:style-name="{$style}">
      <xsl:if test="$id">
        <text:bookmark text:name="rpt-{$id}"/>
      </xsl:if>
      <xsl:copy-of select="$content"/>
    </text:p>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- A paragraph the drafter wrote (the context node), with a bookmark
       named after its id so the preview can scroll to it -->
  <xsl:template name="item-p">
    <xsl:param name="style" select="'Body'"/>
    <xsl:call-template name="p">
      <xsl:with-param name="style" select="$style"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="inline"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The title of the context x:mandate; a gap when the data lacks it in
       the letter's language or in the form its holder uses -->
  <xsl:template name="mandate-title">
    <xsl:choose>
      <xsl:when test="@title and @missing">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="concat('missing-title-', @missing)"/>
          <xsl:with-param name="args">
            <arg name="title"><xsl:value-of select="@title"/></arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@title"><xsl:value-of select="@title"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'missing-mandate'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The context x:mandate in the header line, with the article its
       gender and first letter call for: "the …", "du …", "de la …",
       "de l'…" -->
  <xsl:template name="header-item">
    <xsl:call-template name="say">
      <xsl:with-param name="id">
        <xsl:text>header-item-</xsl:text>
        <xsl:choose>
          <xsl:when test="@gender = 'f'">f</xsl:when>
          <xsl:otherwise>m</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@elision = 'yes'">-elision</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="args">
        <arg name="title"><xsl:call-template name="mandate-title"/></arg>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The name of a company or organisation the letter is addressed to, as
       the drafter typed it, or its form after "de" or "à" ($form) -->
  <xsl:template name="addressee-name">
    <xsl:param name="form"/>
    <xsl:choose>
      <xsl:when test="$form != '' and $in/x:addressee/@*[local-name() = $form]">
        <xsl:value-of select="$in/x:addressee/@*[local-name() = $form]"/>
      </xsl:when>
      <xsl:when test="$letter/l:addressee/l:name/node()">
        <xsl:apply-templates select="$letter/l:addressee/l:name/node()" mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'missing-addressee'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "23 April 2025" from "2025-04-23" -->
  <xsl:template name="date">
    <xsl:param name="iso"/>
    <xsl:choose>
      <xsl:when test="string-length($iso) = 10">
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'date'"/>
          <xsl:with-param name="args">
            <arg name="day">
              <xsl:choose>
                <!-- "1er mai" -->
                <xsl:when test="number(substring($iso, 9, 2)) = 1">
                  <xsl:call-template name="say">
                    <xsl:with-param name="id" select="'day-1'"/>
                  </xsl:call-template>
                </xsl:when>
                <xsl:otherwise><xsl:value-of select="number(substring($iso, 9, 2))"/></xsl:otherwise>
              </xsl:choose>
            </arg>
            <arg name="month">
              <xsl:call-template name="say">
                <xsl:with-param name="id" select="concat('month-', number(substring($iso, 6, 2)))"/>
              </xsl:call-template>
            </arg>
            <arg name="year"><xsl:value-of select="substring($iso, 1, 4)"/></arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="'missing-date'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "A", "A and B", "A, B and C": the patterns are sentences too, so
       each language joins lists its own way -->
  <xsl:template name="list">
    <xsl:param name="items"/>
    <xsl:param name="middle" select="'list-middle'"/>
    <xsl:param name="end" select="'list-end'"/>
    <xsl:variable name="n" select="count($items)"/>
    <xsl:choose>
      <xsl:when test="$n = 1">
        <xsl:copy-of select="$items[1]/node()"/>
      </xsl:when>
      <xsl:when test="$n = 2">
        <xsl:call-template name="say">
          <xsl:with-param name="id">
            <xsl:text>list-two</xsl:text>
            <xsl:call-template name="i-suffix">
              <xsl:with-param name="text" select="string($items[2])"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="args">
            <arg name="a"><xsl:copy-of select="$items[1]/node()"/></arg>
            <arg name="b"><xsl:copy-of select="$items[2]/node()"/></arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$n &gt; 2">
        <xsl:call-template name="say">
          <xsl:with-param name="id">
            <xsl:value-of select="$end"/>
            <xsl:call-template name="i-suffix">
              <xsl:with-param name="text" select="string($items[$n])"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="args">
            <arg name="a">
              <xsl:call-template name="list-head">
                <xsl:with-param name="items" select="$items[position() &lt; $n]"/>
                <xsl:with-param name="middle" select="$middle"/>
              </xsl:call-template>
            </arg>
            <arg name="b"><xsl:copy-of select="$items[$n]/node()"/></arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- "-i" when $text starts with the sound /i/: "i-" or "hi-" not
       followed by another vowel ("Inés", "historia"; not "hielo"), for
       the list sentences whose Spanish writes "e" rather than "y" there -->
  <xsl:template name="i-suffix">
    <xsl:param name="text"/>
    <xsl:variable name="lower"
                  select="translate(substring(normalize-space($text), 1, 3),
                          'ABCDEFGHIJKLMNOPQRSTUVWXYZÁÉÍÓÚÜ', 'abcdefghijklmnopqrstuvwxyzáéíóúü')"/>
    <xsl:variable name="word">
      <xsl:choose>
        <xsl:when test="starts-with($lower, 'h')"><xsl:value-of select="substring($lower, 2)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$lower"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="(starts-with($word, 'i') or starts-with($word, 'í'))
                  and not(contains('aeouáéóú', substring($word, 2, 1)) and substring($word, 2, 1) != '')">-i</xsl:if>
  </xsl:template>

  <xsl:template name="list-head">
    <xsl:param name="items"/>
    <xsl:param name="middle"/>
    <xsl:variable name="n" select="count($items)"/>
    <xsl:choose>
      <xsl:when test="$n = 1">
        <xsl:copy-of select="$items[1]/node()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="say">
          <xsl:with-param name="id" select="$middle"/>
          <xsl:with-param name="args">
            <arg name="a">
              <xsl:call-template name="list-head">
                <xsl:with-param name="items" select="$items[position() &lt; $n]"/>
                <xsl:with-param name="middle" select="$middle"/>
              </xsl:call-template>
            </arg>
            <arg name="b"><xsl:copy-of select="$items[$n]/node()"/></arg>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A standard sentence by id, its <var/>s filled from the arg
       elements of $args -->
  <xsl:template name="say">
    <xsl:param name="id"/>
    <xsl:param name="args" select="/.."/>
    <xsl:variable name="arg-nodes" select="exsl:node-set($args)/arg"/>
    <!-- key() looks in the document of the context node: the input -->
    <xsl:for-each select="$in">
      <xsl:variable name="s" select="key('sentence', $id)"/>
      <xsl:if test="not($s)">
        <xsl:message terminate="yes">
          <xsl:text>there is no standard sentence “</xsl:text>
          <xsl:value-of select="$id"/>
          <xsl:text>” (data/templates/boilerplate.xml.in)</xsl:text>
        </xsl:message>
      </xsl:if>
      <xsl:apply-templates select="$s[1]/node()" mode="fill">
        <xsl:with-param name="args" select="$arg-nodes"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- French drops the e of "de" and "que" before a vowel, in what a
       sentence says before a value too: "en ma qualité d'Expert
       indépendant", "qu'Israël". Not before h or y (their elision depends
       on the word: "du Honduras", "de Yasmine"). -->
  <xsl:variable name="elide" select="$in/@strings-language = 'fr'"/>
  <xsl:variable name="vowels" select="'aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ'"/>

  <xsl:template match="text()" mode="fill">
    <xsl:param name="args"/>
    <xsl:choose>
      <!-- only French, and only text right before a value -->
      <xsl:when test="not($elide) or not(following-sibling::node()[1][self::bp:var])">
        <xsl:value-of select="."/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="elide">
          <xsl:with-param name="first" select="substring(normalize-space(string(
              $args[@name = current()/following-sibling::node()[1]/@name])), 1, 1)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The context text node, with its last "de " or "que " elided when
       $first, the value's first letter, is a vowel -->
  <xsl:template name="elide">
    <xsl:param name="first"/>
    <xsl:variable name="n" select="string-length(.)"/>
    <xsl:choose>
      <xsl:when test="$first = '' or not(contains($vowels, $first))">
        <xsl:value-of select="."/>
      </xsl:when>
      <xsl:when test=". = 'de ' or . = 'De ' or substring(., $n - 3) = ' de '
                      or . = 'que ' or . = 'Que ' or substring(., $n - 4) = ' que '">
        <xsl:value-of select="substring(., 1, $n - 2)"/>
        <xsl:text>'</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="."/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="bp:var" mode="fill">
    <xsl:param name="args"/>
    <xsl:variable name="arg" select="$args[@name = current()/@name]"/>
    <xsl:if test="not($arg)">
      <xsl:message terminate="yes">
        <xsl:text>nothing fills “</xsl:text>
        <xsl:value-of select="@name"/>
        <xsl:text>” in the standard sentence “</xsl:text>
        <xsl:value-of select="../@id"/>
        <xsl:text>”</xsl:text>
      </xsl:message>
    </xsl:if>
    <xsl:copy-of select="$arg/node()"/>
  </xsl:template>

  <xsl:template match="bp:link" mode="fill">
    <text:a xlink:type="simple" xlink:href="{$website}">
      <text:span text:style-name="Link"><xsl:value-of select="."/></text:span>
    </text:a>
  </xsl:template>

  <!-- ============================================================== -->
  <!-- Paragraph text                                                   -->

  <xsl:template match="text()" mode="inline">
    <xsl:value-of select="."/>
  </xsl:template>

  <xsl:template match="l:b" mode="inline">
    <text:span text:style-name="Bold"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>

  <xsl:template match="l:i" mode="inline">
    <text:span text:style-name="Italic"><xsl:apply-templates mode="inline"/></text:span>
  </xsl:template>

  <xsl:template match="l:a" mode="inline">
    <text:a xlink:type="simple" xlink:href="{@href}">
      <text:span text:style-name="Link"><xsl:apply-templates mode="inline"/></text:span>
    </text:a>
  </xsl:template>

  <xsl:template match="l:note" mode="inline">
    <xsl:variable name="n" select="count(preceding::l:note) + 1"/>
    <text:note text:id="ftn{$n}" text:note-class="footnote">
      <text:note-citation><xsl:value-of select="$n"/></text:note-citation>
      <text:note-body>
        <text:p text:style-name="Footnote"><xsl:apply-templates mode="inline"/></text:p>
      </text:note-body>
    </text:note>
  </xsl:template>

  <!-- "acceded to by Tajikistan on 4 January 1999" -->
  <xsl:template match="l:treaty-status" mode="inline">
    <xsl:variable name="t" select="$in/x:treaty[@instrument = current()/@instrument]"/>
    <xsl:variable name="missing-state">
      <xsl:call-template name="say">
        <xsl:with-param name="id" select="'missing-state'"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="state">
      <xsl:choose>
        <xsl:when test="$in/x:country"><xsl:value-of select="$in/x:country"/></xsl:when>
        <xsl:otherwise><xsl:copy-of select="$missing-state"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="state-de">
      <xsl:choose>
        <xsl:when test="$in/x:country"><xsl:value-of select="$in/x:country/@de"/></xsl:when>
        <xsl:otherwise><xsl:copy-of select="$missing-state"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="state-a">
      <xsl:choose>
        <xsl:when test="$in/x:country"><xsl:value-of select="$in/x:country/@a"/></xsl:when>
        <xsl:otherwise><xsl:copy-of select="$missing-state"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="say">
      <xsl:with-param name="id">
        <xsl:choose>
          <xsl:when test="$t/@status = 'party'">
            <xsl:value-of select="concat('treaty-', $t/@action)"/>
          </xsl:when>
          <xsl:when test="$t/@status = 'signatory'">treaty-signature</xsl:when>
          <xsl:when test="$t/@status = 'not-party'">treaty-not-party</xsl:when>
          <xsl:otherwise>treaty-unknown</xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$t/@status != 'unknown' and $t/@gender = 'f'">-f</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="args">
        <arg name="state"><xsl:copy-of select="$state"/></arg>
        <arg name="state-de"><xsl:copy-of select="$state-de"/></arg>
        <arg name="state-a"><xsl:copy-of select="$state-a"/></arg>
        <arg name="instrument"><xsl:value-of select="@instrument"/></arg>
        <arg name="date">
          <xsl:call-template name="date">
            <xsl:with-param name="iso" select="$t/@date"/>
          </xsl:call-template>
        </arg>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- White space the core made explicit (ODF collapses it otherwise) -->
  <xsl:template match="x:s" mode="inline">
    <text:s text:c="{@c}"/>
  </xsl:template>

  <xsl:template match="x:tab" mode="inline">
    <text:tab/>
  </xsl:template>

  <xsl:template match="x:br" mode="inline">
    <text:line-break/>
  </xsl:template>
</xsl:stylesheet>
