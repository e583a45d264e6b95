// SPDX-License-Identifier: BSD-3-Clause
// ADQL 2.1 (IVOA Recommendation 2023-12-15). Keywords are case-insensitive; every ADQL and SQL
// reserved word (ADQL 2.1 §2.1.2) is a keyword token and so can only be used as a name when
// delimited ("distance"). Type distinctions the BNF makes with separate expression rules
// (numeric, string, geometry) are left to the AST builder and the checker, which give errors
// with spans; the grammar keeps one precedence-climbing value expression.
grammar Adql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- queries
query : withClause? queryBody EOF ;

withClause : WITH withItem (',' withItem)* ;

withItem : identifier ('(' identifier (',' identifier)* ')')? AS '(' queryBody ')' ;

queryBody
    : queryTerm                                          # termBody
    | queryBody op=(UNION | EXCEPT) ALL? queryTerm       # setBody
    ;

queryTerm
    : queryPrimary                                       # primaryTerm
    | queryTerm INTERSECT ALL? queryPrimary              # intersectTerm
    ;

queryPrimary
    : selectQuery                                        # selectPrimary
    | '(' queryBody ')'                                  # parenQuery
    ;

subquery : '(' queryBody ')' ;

selectQuery
    : SELECT setQuantifier? (TOP top=UNSIGNED_INTEGER)? selectItem (',' selectItem)*
      fromClause whereClause? groupByClause? havingClause? orderByClause? offsetClause?
    ;

setQuantifier : DISTINCT | ALL ;

selectItem
    : '*'                                                # allColumns
    | qualifiedName '.' '*'                              # qualifiedAllColumns
    | valueExpr (AS? identifier)?                        # derivedColumn
    ;

fromClause : FROM tableReference (',' tableReference)* ;

// The join specification is optional as in the ADQL 2.1 BNF (<qualified_join>); a join without one
// is a cross join (the checker makes it ON TRUE).
tableReference
    : tableReference joinType? JOIN tableReference joinSpec? # qualifiedJoin
    | tableReference NATURAL joinType? JOIN tableReference   # naturalJoin
    | tablePrimary                                            # primaryTable
    ;

joinType : INNER | (LEFT | RIGHT | FULL) OUTER? ;

joinSpec
    : ON searchCondition                                 # onSpec
    | USING '(' identifier (',' identifier)* ')'         # usingSpec
    ;

tablePrimary
    : qualifiedName (AS? identifier)?                    # namedTable
    | subquery AS? identifier                            # derivedTable
    | '(' tableReference ')'                             # parenTable
    ;

whereClause : WHERE searchCondition ;

groupByClause : GROUP BY valueExpr (',' valueExpr)* ;

havingClause : HAVING searchCondition ;

orderByClause : ORDER BY sortSpec (',' sortSpec)* ;

sortSpec : valueExpr (ASC | DESC)? ;

offsetClause : OFFSET UNSIGNED_INTEGER ;

// ---------------------------------------------------------------- conditions
searchCondition
    : NOT searchCondition                                # notCondition
    | searchCondition AND searchCondition                # andCondition
    | searchCondition OR searchCondition                 # orCondition
    | '(' searchCondition ')'                            # parenCondition
    | predicate                                          # predicateCondition
    ;

predicate
    : valueExpr compOp valueExpr                                   # comparisonPredicate
    | valueExpr NOT? BETWEEN valueExpr AND valueExpr               # betweenPredicate
    | valueExpr NOT? op=(LIKE | ILIKE) valueExpr                   # likePredicate
    | valueExpr NOT? IN subquery                                   # inSubqueryPredicate
    | valueExpr NOT? IN '(' valueExpr (',' valueExpr)* ')'         # inListPredicate
    | valueExpr IS NOT? NULL                                       # nullPredicate
    | EXISTS subquery                                              # existsPredicate
    | booleanValue                                                 # booleanPredicate
    ;

booleanValue : TRUE | FALSE | udfCall ;

compOp : '=' | '<>' | '!=' | '<' | '<=' | '>' | '>=' ;

// ---------------------------------------------------------------- values
valueExpr
    : op=('+' | '-' | '~') valueExpr                     # unaryExpr
    | valueExpr op=('*' | '/') valueExpr                 # binaryExpr
    | valueExpr op=('+' | '-') valueExpr                 # binaryExpr
    | valueExpr op='&' valueExpr                         # binaryExpr
    | valueExpr op='^' valueExpr                         # binaryExpr
    | valueExpr op='|' valueExpr                         # binaryExpr
    | valueExpr op='||' valueExpr                        # binaryExpr
    | primary                                            # primaryExpr
    ;

primary
    : literal                                                            # literalPrimary
    | qualifiedName                                                      # columnPrimary
    | '(' valueExpr ')'                                                  # parenPrimary
    | subquery                                                           # subqueryPrimary
    | COUNT '(' '*' ')'                                                  # countAllPrimary
    | fn=(COUNT | SUM | AVG | MIN | MAX) '(' setQuantifier? valueExpr ')'  # aggregatePrimary
    | builtinName '(' arguments? ')'                                     # builtinPrimary
    | geometryName '(' arguments? ')'                                    # geometryPrimary
    | CAST '(' valueExpr AS castType ')'                                 # castPrimary
    | COALESCE '(' arguments ')'                                         # coalescePrimary
    | IN_UNIT '(' valueExpr ',' STRING+ ')'                              # inUnitPrimary
    | CASE valueExpr simpleWhen+ (ELSE valueExpr)? END                   # simpleCasePrimary
    | CASE searchedWhen+ (ELSE valueExpr)? END                           # searchedCasePrimary
    | udfCall                                                            # udfPrimary
    ;

arguments : valueExpr (',' valueExpr)* ;

simpleWhen : WHEN valueExpr THEN valueExpr ;

searchedWhen : WHEN searchCondition THEN valueExpr ;

udfCall : REGULAR_ID '(' arguments? ')' ;

builtinName
    : ABS | CEILING | DEGREES | EXP | FLOOR | LOG | LOG10 | MOD | PI | POWER | RADIANS | RAND
    | ROUND | SQRT | TRUNCATE | ACOS | ASIN | ATAN | ATAN2 | COS | COT | SIN | TAN | LOWER | UPPER
    | AREA | CENTROID | COORD1 | COORD2 | COORDSYS | CONTAINS | INTERSECTS | DISTANCE
    ;

geometryName : POINT | CIRCLE | BOX | POLYGON | REGION ;

castType
    : SMALLINT | INTEGER | BIGINT | REAL | DOUBLE PRECISION | TIMESTAMP | POINT | CIRCLE | POLYGON
    | (CHAR | VARCHAR) ('(' UNSIGNED_INTEGER ')')?
    ;

// SQL-92 §5.3: string literals separated only by whitespace or comments are one literal.
literal
    : UNSIGNED_INTEGER | DECIMAL | REAL_NUMBER | HEX_NUMBER | STRING+ | NULL | TRUE | FALSE
    ;

qualifiedName : identifier ('.' identifier)* ;

identifier : REGULAR_ID | DELIMITED_ID | BIGINT ;

// ---------------------------------------------------------------- lexer
// Keywords used by the grammar (ADQL 2.1 §2.1.2 reserved words, except BIGINT which is not
// reserved and is accepted as a name).
ABS : 'abs' ; ACOS : 'acos' ; ALL : 'all' ; AND : 'and' ; AREA : 'area' ; AS : 'as' ; ASC : 'asc' ;
ASIN : 'asin' ; ATAN : 'atan' ; ATAN2 : 'atan2' ; AVG : 'avg' ; BETWEEN : 'between' ; BIGINT : 'bigint' ;
BOX : 'box' ; BY : 'by' ; CASE : 'case' ; CAST : 'cast' ; CEILING : 'ceiling' ; CENTROID : 'centroid' ;
CHAR : 'char' ; CIRCLE : 'circle' ; COALESCE : 'coalesce' ; CONTAINS : 'contains' ; COORD1 : 'coord1' ;
COORD2 : 'coord2' ; COORDSYS : 'coordsys' ; COS : 'cos' ; COT : 'cot' ; COUNT : 'count' ;
DEGREES : 'degrees' ; DESC : 'desc' ; DISTANCE : 'distance' ; DISTINCT : 'distinct' ; DOUBLE : 'double' ;
ELSE : 'else' ; END : 'end' ; EXCEPT : 'except' ; EXISTS : 'exists' ; EXP : 'exp' ; FALSE : 'false' ;
FLOOR : 'floor' ; FROM : 'from' ; FULL : 'full' ; GROUP : 'group' ; HAVING : 'having' ; ILIKE : 'ilike' ;
IN : 'in' ; IN_UNIT : 'in_unit' ; INNER : 'inner' ; INTEGER : 'integer' ; INTERSECT : 'intersect' ;
INTERSECTS : 'intersects' ; IS : 'is' ; JOIN : 'join' ; LEFT : 'left' ; LIKE : 'like' ; LOG : 'log' ;
LOG10 : 'log10' ; LOWER : 'lower' ; MAX : 'max' ; MIN : 'min' ; MOD : 'mod' ; NATURAL : 'natural' ;
NOT : 'not' ; NULL : 'null' ; OFFSET : 'offset' ; ON : 'on' ; OR : 'or' ; ORDER : 'order' ;
OUTER : 'outer' ; PI : 'pi' ; POINT : 'point' ; POLYGON : 'polygon' ; POWER : 'power' ;
PRECISION : 'precision' ; RADIANS : 'radians' ; RAND : 'rand' ; REAL : 'real' ; REGION : 'region' ;
RIGHT : 'right' ; ROUND : 'round' ; SELECT : 'select' ; SIN : 'sin' ; SMALLINT : 'smallint' ;
SQRT : 'sqrt' ; SUM : 'sum' ; TAN : 'tan' ; THEN : 'then' ; TIMESTAMP : 'timestamp' ; TOP : 'top' ;
TRUE : 'true' ; TRUNCATE : 'truncate' ; UNION : 'union' ; UPPER : 'upper' ; USING : 'using' ;
VARCHAR : 'varchar' ; WHEN : 'when' ; WHERE : 'where' ; WITH : 'with' ;

// The other reserved words of ADQL 2.1 §2.1.2 (SQL-92 and ADQL), which the grammar does not use
// but which may not be regular identifiers.
RESERVED_WORD
    : 'absolute' | 'action' | 'add' | 'allocate' | 'alter' | 'any' | 'are' | 'assertion' | 'at'
    | 'authorization' | 'begin' | 'bit' | 'bit_and' | 'bit_length' | 'bit_not' | 'bit_or' | 'bit_xor'
    | 'both' | 'cascade' | 'cascaded' | 'catalog' | 'character' | 'char_length'
    | 'character_length' | 'check' | 'close' | 'collate' | 'collation' | 'column' | 'commit'
    | 'connect' | 'connection' | 'constraint' | 'constraints' | 'continue' | 'convert'
    | 'corresponding' | 'create' | 'cross' | 'current' | 'current_date' | 'current_time'
    | 'current_timestamp' | 'current_user' | 'cursor' | 'date' | 'day' | 'deallocate' | 'decimal'
    | 'declare' | 'default' | 'deferrable' | 'deferred' | 'delete' | 'describe' | 'descriptor'
    | 'diagnostics' | 'disconnect' | 'domain' | 'drop' | 'escape' | 'exception' | 'exec'
    | 'execute' | 'external' | 'extract' | 'fetch' | 'first' | 'float' | 'for' | 'foreign' | 'found'
    | 'get' | 'global' | 'go' | 'goto' | 'grant' | 'hour' | 'identity' | 'immediate' | 'indicator'
    | 'initially' | 'input' | 'insensitive' | 'insert' | 'int' | 'interval' | 'into' | 'isolation'
    | 'key' | 'language' | 'last' | 'leading' | 'level' | 'local' | 'match' | 'minute' | 'module'
    | 'month' | 'names' | 'national' | 'nchar' | 'next' | 'no' | 'nullif' | 'numeric'
    | 'octet_length' | 'of' | 'only' | 'open' | 'option' | 'output' | 'overlaps' | 'pad' | 'partial'
    | 'position' | 'prepare' | 'preserve' | 'primary' | 'prior' | 'privileges' | 'procedure'
    | 'public' | 'read' | 'references' | 'relative' | 'restrict' | 'revoke' | 'rollback' | 'rows'
    | 'schema' | 'scroll' | 'second' | 'section' | 'session' | 'session_user' | 'set' | 'size'
    | 'some' | 'space' | 'sql' | 'sqlcode' | 'sqlerror' | 'sqlstate' | 'substring' | 'system_user'
    | 'table' | 'temporary' | 'time' | 'timezone_hour' | 'timezone_minute' | 'to' | 'trailing'
    | 'transaction' | 'translate' | 'translation' | 'trim' | 'unique' | 'unknown' | 'update'
    | 'usage' | 'user' | 'value' | 'values' | 'varying' | 'view' | 'whenever' | 'work' | 'write'
    | 'year' | 'zone'
    ;

// ADQL 2.1 §2.1.3: a regular identifier is a simple Latin letter followed by letters, digits
// and underscores; a delimited identifier is any non-empty text in double quotes ("" for ").
REGULAR_ID : [a-z] [a-z0-9_]* ;
DELIMITED_ID : '"' (~'"' | '""')+ '"' ;
UNTERMINATED_DELIMITED_ID : '"' (~'"' | '""')* ;

// ADQL 2.1 §2.1.4 and §2.1.5.
STRING : '\'' (~'\'' | '\'\'')* '\'' ;
UNTERMINATED_STRING : '\'' (~'\'' | '\'\'')* ;
HEX_NUMBER : '0x' [0-9a-f]+ ;
REAL_NUMBER : (DIGITS ('.' DIGITS?)? | '.' DIGITS) 'e' [+-]? DIGITS ;
DECIMAL : DIGITS '.' DIGITS? | '.' DIGITS ;
UNSIGNED_INTEGER : DIGITS ;
fragment DIGITS : [0-9]+ ;

CONCAT : '||' ;
NE : '<>' ;
NE2 : '!=' ;
LE : '<=' ;
GE : '>=' ;
LT : '<' ;
GT : '>' ;
EQ : '=' ;
PLUS : '+' ;
MINUS : '-' ;
STAR : '*' ;
SLASH : '/' ;
AMPERSAND : '&' ;
CARET : '^' ;
BAR : '|' ;
TILDE : '~' ;
LPAREN : '(' ;
RPAREN : ')' ;
COMMA : ',' ;
PERIOD : '.' ;

// ADQL 2.1 §2.1.1: comments run from -- to the end of the line.
COMMENT : '--' ~[\r\n]* -> skip ;
WHITESPACE : [ \t\r\n\f]+ -> skip ;

// Anything else is one unexpected character; the parser reports it with its position.
UNEXPECTED_CHAR : . ;
